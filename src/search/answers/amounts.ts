/** Dates, document numbers, years and percentages: figures that are not an amount or a count. */
const NOT_AMOUNTS =
  /\d{1,2}\/\d{1,2}(?:\/\d{4})?|(?:số|Số)\s*\d\S*|\d+(?:[.,]\d+)?\s*%|(?<!\d)(?:19|20)\d\d(?!\d)|\d+-[A-ZĐ]\S*/gu;

/** Whether a text gives an amount or a count ("02 lớp", "500 triệu đồng"), not only dates and percentages. */
export const givesAmount = (text: string): boolean => /\d/.test(text.replace(NOT_AMOUNTS, ' '));
