// The exchange answers as the password login does (lib/users/login-answer.ts).
export { loginAnswer } from "../users/login-answer";
