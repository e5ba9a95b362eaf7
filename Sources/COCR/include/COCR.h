#ifndef SKILLSPOOL_COCR_H
#define SKILLSPOOL_COCR_H
// Tesseract's C API, loaded with dlopen the first time a page needs OCR: the converter that reads text-layer PDFs
// (nearly all of them) never pays for loading Tesseract, Leptonica and their image libraries.

/// Loads libtesseract and resolves the functions used; 0 on success. Safe to call more than once.
int skillspool_ocr_load(void);
/// Tesseract's version ("5.3.0"), or NULL when it is not loaded.
const char *skillspool_ocr_version(void);
/// A recogniser for `languages` ("eng+deu") from the installed language data; NULL when the data is missing.
void *skillspool_ocr_create(const char *languages);
/// Recognises an 8-bit grey image (rows top to bottom, `width` bytes each) scanned at `dpi`, segmented under
/// Tesseract's page segmentation mode `psm` (3 a whole page, 6 one block, 7 one line); returns Tesseract's TSV
/// (level, page, block, paragraph, line, word, left, top, width, height, confidence, text), freed with
/// skillspool_ocr_free; NULL on failure.
char *skillspool_ocr_recognize(void *api, const unsigned char *pixels, int width, int height, int dpi, int psm);
void skillspool_ocr_free(char *text);
void skillspool_ocr_delete(void *api);
#endif
