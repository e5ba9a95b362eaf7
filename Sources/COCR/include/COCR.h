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

#include <stddef.h>
#include <stdint.h>
/// Decodes CCITT fax data (a PDF `CCITTFaxDecode` stream: `k` < 0 Group 4, 0 Group 3 one-dimensional, > 0 Group 3
/// two-dimensional) of `width` × `height` into `gray` (`width * height` bytes): each pixel the 1-bit sample the PDF
/// defines (black 0 unless `black_is_1`), as 0 or 255. Leptonica (with libtiff) decodes; 0 on success.
int skillspool_image_ccitt(const uint8_t *data, size_t size, int width, int height, int k, int black_is_1,
                           uint8_t *gray);
/// The size a JPEG 2000 stream (`JPXDecode`) declares, read from its header without decoding; 0 on success.
int skillspool_image_jpx_size(const uint8_t *data, size_t size, int *width, int *height);
/// Decodes a JPEG 2000 stream of `width` × `height` into 8-bit grey `gray`; 0 on success.
int skillspool_image_jpx(const uint8_t *data, size_t size, int width, int height, uint8_t *gray);
/// Finds how far the text lines of an 8-bit grey page are turned (Leptonica's sweep over ±7° on a binarised copy)
/// and, when it is by 0.1° or more and the finding is clear, writes the page turned back into `turned` (same size,
/// white brought in at the edges); the angle found, in degrees, is put in `angle`. 0 when turned, 1 when the page is
/// level (nothing written), -1 on failure.
int skillspool_image_deskew(const uint8_t *gray, int width, int height, uint8_t *turned, float *angle);
#endif
