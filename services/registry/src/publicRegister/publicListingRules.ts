import { tidyDisplayText, Validator } from "@hamafza/common";
import { isNotInFuture } from "../validation";
import { NgoPublicListingInput } from "./publicListingInputs";

/** The listing input checked (every problem at once) and tidied for storage. */
export function checkedListingInput(input: NgoPublicListingInput, now = new Date()): NgoPublicListingInput {
  new Validator()
    .text(input.consentNote, "consentNote", "شرح رضایت سمن", { max: 500 })
    .check(isNotInFuture(input.consentOn, now), "consentOn", "تاریخ رضایت سمن نمی‌تواند در آینده باشد.")
    .done();
  return { consentOn: input.consentOn, consentNote: tidyDisplayText(input.consentNote) };
}
