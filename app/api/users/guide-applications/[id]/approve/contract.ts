import { decisionContract } from "../decision-contract";

export default decisionContract("approve");
