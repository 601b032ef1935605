import { translateDomainSentence, translateRefusal } from "./domain-message";
import { requestLocale } from "./request-locale";

// Server actions turn a DomainError into the sentences of the requester's language here.

export async function localizedSentence(sentence: string): Promise<string> {
  return translateDomainSentence(sentence, await requestLocale());
}

export async function localizedRefusal(err: { message: string; fields?: Record<string, string> }) {
  return translateRefusal(err, await requestLocale());
}
