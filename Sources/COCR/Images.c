#include "COCR.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

// Leptonica (a dependency of Tesseract, so present wherever OCR is) decodes what qpdf cannot: CCITT fax data through
// libtiff and JPEG 2000 through OpenJPEG. Only the functions below are used, with opaque pointers.
typedef void *(*read_mem_tiff_fn)(const uint8_t *, size_t, int);
typedef void *(*read_mem_jp2k_fn)(const uint8_t *, size_t, uint32_t, void *, int, int);
typedef int (*read_header_jp2k_fn)(const uint8_t *, size_t, int *, int *, int *, int *);
typedef void *(*convert_to8_fn)(void *, int);
typedef int (*get_int_fn)(void *);
typedef uint32_t *(*get_data_fn)(void *);
typedef void (*destroy_fn)(void **);
typedef int (*severity_fn)(int);
typedef void *(*create_fn)(int, int, int);
typedef int (*find_skew_fn)(void *, float *, float *);
typedef void *(*rotate_fn)(void *, float, int, int, int, int);

static struct {
    int state;  // 0 not tried, 1 loaded, -1 failed
    read_mem_tiff_fn read_tiff;
    read_mem_jp2k_fn read_jp2k;
    read_header_jp2k_fn header_jp2k;
    convert_to8_fn convert_to8;
    get_int_fn width, height, depth, wpl;
    get_data_fn data;
    destroy_fn destroy;
    create_fn create;
    find_skew_fn find_skew;
    rotate_fn rotate;
} lept;

static pthread_once_t lept_once = PTHREAD_ONCE_INIT;

static void load_leptonica(void) {
    void *library = dlopen("liblept.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) { lept.state = -1; return; }
#define RESOLVE(field, name) lept.field = (__typeof__(lept.field))dlsym(library, name); if (!lept.field) { lept.state = -1; return; }
    RESOLVE(read_tiff, "pixReadMemTiff")
    RESOLVE(read_jp2k, "pixReadMemJp2k")
    RESOLVE(header_jp2k, "readHeaderMemJp2k")
    RESOLVE(convert_to8, "pixConvertTo8")
    RESOLVE(width, "pixGetWidth")
    RESOLVE(height, "pixGetHeight")
    RESOLVE(depth, "pixGetDepth")
    RESOLVE(wpl, "pixGetWpl")
    RESOLVE(data, "pixGetData")
    RESOLVE(destroy, "pixDestroy")
    RESOLVE(create, "pixCreate")
    RESOLVE(find_skew, "pixFindSkew")
    RESOLVE(rotate, "pixRotate")
#undef RESOLVE
    // Leptonica reports bad data on stderr; the converter reports it as an unread page instead.
    severity_fn severity = (severity_fn)dlsym(library, "setMsgSeverity");
    if (severity) severity(6);  // L_SEVERITY_NONE
    lept.state = 1;
}

static int leptonica(void) {
    pthread_once(&lept_once, load_leptonica);
    return lept.state == 1 ? 0 : -1;
}

// Leptonica keeps an 8-bit row as 32-bit words with the first pixel in the most significant byte; on a
// little-endian machine that is each group of four bytes reversed, done a word at a time.
static void pack_row(const uint8_t *source, uint32_t *line, int width) {
    int column = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; column + 4 <= width; column += 4) {
        uint32_t word;
        memcpy(&word, source + column, 4);
        line[column >> 2] = __builtin_bswap32(word);
    }
#endif
    for (; column < width; column++) line[column >> 2] |= (uint32_t)source[column] << (24 - 8 * (column & 3));
}

static void unpack_row(const uint32_t *line, uint8_t *gray, int width) {
    int column = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; column + 4 <= width; column += 4) {
        uint32_t word = __builtin_bswap32(line[column >> 2]);
        memcpy(gray + column, &word, 4);
    }
#endif
    for (; column < width; column++) gray[column] = (uint8_t)(line[column >> 2] >> (24 - 8 * (column & 3)));
}

// Copies an 8-bit pix of exactly width × height into `gray` (leptonica keeps the first pixel of a 32-bit word in its
// most significant byte). Destroys the pix.
static int copy_gray(void *pix, int width, int height, uint8_t *gray) {
    void *eight = lept.convert_to8(pix, 0);
    lept.destroy(&pix);
    if (!eight) return -1;
    int status = -1;
    if (lept.width(eight) == width && lept.height(eight) == height && lept.depth(eight) == 8) {
        const uint32_t *words = lept.data(eight);
        int wpl = lept.wpl(eight);
        for (int row = 0; row < height; row++) {
            unpack_row(words + (size_t)row * wpl, gray + (size_t)row * width, width);
        }
        status = 0;
    }
    lept.destroy(&eight);
    return status;
}

static void put16(uint8_t *at, uint16_t value) { at[0] = value & 0xff; at[1] = value >> 8; }
static void put32(uint8_t *at, uint32_t value) { for (int i = 0; i < 4; i++) at[i] = (value >> (8 * i)) & 0xff; }

int skillspool_image_ccitt(const uint8_t *data, size_t size, int width, int height, int k, int black_is_1,
                           uint8_t *gray) {
    if (leptonica() != 0 || width <= 0 || height <= 0 || size > UINT32_MAX - 256) return -1;
    // The fax data wrapped in the smallest TIFF that says what it is: one strip, min-is-white, so that black runs
    // decode to 1 bits (leptonica's foreground).
    enum { entries = 10, header = 8 + 2 + entries * 12 + 4 };
    uint8_t *tiff = malloc(header + size);
    if (!tiff) return -1;
    memcpy(tiff, "II", 2);
    put16(tiff + 2, 42);
    put32(tiff + 4, 8);
    put16(tiff + 8, entries);
    const uint16_t tags[entries][3] = {
        // tag, type (3 short, 4 long), which value below
        {256, 4, 0}, {257, 4, 1}, {258, 3, 2}, {259, 3, 3}, {262, 3, 4},
        {273, 4, 5}, {277, 3, 2}, {278, 4, 1}, {279, 4, 6}, {k < 0 ? 293 : 292, 4, 7},
    };
    const uint32_t values[8] = {
        (uint32_t)width, (uint32_t)height, 1, k < 0 ? 4 : 3, 0, header, (uint32_t)size, k > 0 ? 1 : 0,
    };
    for (int i = 0; i < entries; i++) {
        uint8_t *entry = tiff + 10 + i * 12;
        put16(entry, tags[i][0]);
        put16(entry + 2, tags[i][1]);
        put32(entry + 4, 1);
        put32(entry + 8, 0);
        if (tags[i][1] == 3) put16(entry + 8, (uint16_t)values[tags[i][2]]);
        else put32(entry + 8, values[tags[i][2]]);
    }
    put32(tiff + 10 + entries * 12, 0);
    memcpy(tiff + header, data, size);
    void *pix = lept.read_tiff(tiff, header + size, 0);
    free(tiff);
    if (!pix) return -1;
    if (lept.depth(pix) != 1 || lept.width(pix) != width || lept.height(pix) != height) {
        lept.destroy(&pix);
        return -1;
    }
    // The samples as the PDF defines them: a black run is 0 unless BlackIs1, and a 1-bit grey sample of 0 is black.
    const uint32_t *words = lept.data(pix);
    int wpl = lept.wpl(pix);
    for (int row = 0; row < height; row++) {
        const uint32_t *line = words + (size_t)row * wpl;
        for (int column = 0; column < width; column++) {
            int black = (line[column >> 5] >> (31 - (column & 31))) & 1;
            int sample = black ? (black_is_1 ? 1 : 0) : (black_is_1 ? 0 : 1);
            gray[(size_t)row * width + column] = sample ? 255 : 0;
        }
    }
    lept.destroy(&pix);
    return 0;
}

int skillspool_image_jpx_size(const uint8_t *data, size_t size, int *width, int *height) {
    if (leptonica() != 0) return -1;
    int bps = 0, spp = 0;
    return lept.header_jp2k(data, size, width, height, &bps, &spp) == 0 ? 0 : -1;
}

int skillspool_image_jpx(const uint8_t *data, size_t size, int width, int height, uint8_t *gray) {
    if (leptonica() != 0) return -1;
    void *pix = lept.read_jp2k(data, size, 1, NULL, 0, 0);
    if (!pix) return -1;
    return copy_gray(pix, width, height, gray);
}

// The pixels of `gray` darker than `threshold` as a 1-bit pix (1 is ink, the first pixel in a word's top bit), as
// Leptonica's pixThresholdToBinary makes it, without first building the 8-bit pix a level page never needs.
static void *binary_of(const uint8_t *gray, int width, int height, int threshold) {
    void *pix = lept.create(width, height, 1);
    if (!pix) return NULL;
    uint32_t *words = lept.data(pix);
    int wpl = lept.wpl(pix);
    for (int row = 0; row < height; row++) {
        const uint8_t *source = gray + (size_t)row * width;
        uint32_t *line = words + (size_t)row * wpl;
        for (int start = 0; start < width; start += 32) {
            int count = width - start < 32 ? width - start : 32;
            uint32_t word = 0;
            for (int offset = 0; offset < count; offset++) {
                word |= (uint32_t)(source[start + offset] < threshold) << (31 - offset);
            }
            line[start >> 5] = word;
        }
    }
    return pix;
}

int skillspool_image_deskew(const uint8_t *gray, int width, int height, uint8_t *turned, float *angle) {
    if (leptonica() != 0 || width <= 0 || height <= 0) return -1;
    float confidence = 0;
    *angle = 0;
    // The angle from a binarised copy (Leptonica's sweep over ±7°, then a finer search); a page turned by less
    // than 0.1°, or whose finding is unclear, stays as it is.
    void *binary = binary_of(gray, width, height, 130);
    int status = binary ? lept.find_skew(binary, angle, &confidence) : 1;
    if (binary) lept.destroy(&binary);
    if (status != 0 || confidence < 3.0f || fabsf(*angle) < 0.1f) {
        *angle = 0;
        return status != 0 ? -1 : 1;
    }
    void *pix = lept.create(width, height, 8);
    if (!pix) return -1;
    uint32_t *words = lept.data(pix);
    int wpl = lept.wpl(pix);
    for (int row = 0; row < height; row++) pack_row(gray + (size_t)row * width, words + (size_t)row * wpl, width);
    // Turned back by three shears: whole pixels moved, no grey smeared into thin rules, and fast.
    void *turned_pix = lept.rotate(pix, *angle * 3.14159265f / 180.0f, 2 /* L_ROTATE_SHEAR */,
                                   1 /* L_BRING_IN_WHITE */, 0, 0);
    lept.destroy(&pix);
    if (!turned_pix) return -1;
    return copy_gray(turned_pix, width, height, turned) == 0 ? 0 : -1;
}
