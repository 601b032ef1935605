import { DomainError } from "@/lib/errors";
import { localizedRefusal } from "@/lib/i18n/refusal";

/**
 * A list's refusal (a hand-edited query) in the reader's language. The shared ListRefusal
 * shows the sentence it is given; the use case's English one is the API's.
 */
export async function inReadersLanguage(err: DomainError): Promise<DomainError> {
  const { message, fields } = await localizedRefusal(err);
  return new DomainError(err.code, message, err.status, fields);
}
