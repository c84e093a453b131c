import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/ingest/index.js';

const SCAN = 'test/ingest/fixtures/scan/dai-son.pdf';

/** Whether what OCR needs is installed here, tesseract with its Vietnamese data and pdftoppm (the OCR test runs only then). */
function canOcrHere(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'pipe' });
    return /^vie$/m.test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: 'pipe' }));
  } catch {
    return false;
  }
}
const ocrHere = canOcrHere();
if (!ocrHere)
  console.log(
    'scan.test: tesseract with Vietnamese (tesseract-ocr-vie) or pdftoppm (poppler-utils) is not installed; the OCR test is skipped',
  );

describe('readPlanFile on a scanned PDF', () => {
  it('gives no plan and says the file is a scan and what reading it needs, when OCR is not used', async () => {
    const { plan, warnings } = await readPlanFile(SCAN, { ocr: false });
    expect(plan).toBeUndefined();
    expect(warnings).toEqual([
      {
        file: SCAN,
        line: 0,
        message:
          'this PDF is a scan (pictures of pages, no text layer); install tesseract-ocr, tesseract-ocr-vie and poppler-utils to read it by OCR, or ask for the .docx or a PDF exported from Word',
        code: 'scan_no_ocr',
      },
    ]);
  });

  it.skipIf(!ocrHere)(
    'reads it by OCR where tesseract is installed, and warns that the reading must be checked',
    async () => {
      const { plan, warnings } = await readPlanFile(SCAN);
      expect(warnings[0]).toEqual({
        file: SCAN,
        line: 0,
        message:
          'this PDF is a scan (pictures of pages, no text layer); read by OCR: check the reading (numbers, names and dates may be misread)',
        code: 'scan_ocr',
      });
      expect(plan?.meta.locality).toEqual({ level: 'xã', name: 'Đại Sơn' });
      expect(plan?.meta.title).toMatch(/^Triển khai thực hiện Kết luận số 226-KL\/TW/);
    },
    120_000,
  );
});
