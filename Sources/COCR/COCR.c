#include "COCR.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

// The functions of Tesseract's capi.h that are used, declared with opaque pointers so no header is needed.
typedef void *(*create_fn)(void);
typedef int (*init3_fn)(void *, const char *, const char *);
typedef void (*set_psm_fn)(void *, int);
typedef int (*set_variable_fn)(void *, const char *, const char *);
typedef void (*set_image_fn)(void *, const unsigned char *, int, int, int, int);
typedef void (*set_resolution_fn)(void *, int);
typedef int (*recognize_fn)(void *, void *);
typedef char *(*tsv_fn)(void *, int);
typedef void (*delete_text_fn)(const char *);
typedef void (*end_fn)(void *);
typedef void (*delete_fn)(void *);
typedef const char *(*version_fn)(void);

static struct {
    int state;  // 0 not tried, 1 loaded, -1 failed
    create_fn create;
    init3_fn init3;
    set_psm_fn set_psm;
    set_variable_fn set_variable;
    set_image_fn set_image;
    set_resolution_fn set_resolution;
    recognize_fn recognize;
    tsv_fn tsv;
    delete_text_fn delete_text;
    end_fn end;
    delete_fn destroy;
    version_fn version;
} tess;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    // Recognition on one thread: results must not depend on scheduling, and pages run in parallel processes anyway.
    setenv("OMP_THREAD_LIMIT", "1", 1);
    void *library = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) { tess.state = -1; return; }
#define RESOLVE(field, name) tess.field = (__typeof__(tess.field))dlsym(library, name); if (!tess.field) { tess.state = -1; return; }
    RESOLVE(create, "TessBaseAPICreate")
    RESOLVE(init3, "TessBaseAPIInit3")
    RESOLVE(set_psm, "TessBaseAPISetPageSegMode")
    RESOLVE(set_variable, "TessBaseAPISetVariable")
    RESOLVE(set_image, "TessBaseAPISetImage")
    RESOLVE(set_resolution, "TessBaseAPISetSourceResolution")
    RESOLVE(recognize, "TessBaseAPIRecognize")
    RESOLVE(tsv, "TessBaseAPIGetTsvText")
    RESOLVE(delete_text, "TessDeleteText")
    RESOLVE(end, "TessBaseAPIEnd")
    RESOLVE(destroy, "TessBaseAPIDelete")
    RESOLVE(version, "TessVersion")
#undef RESOLVE
    tess.state = 1;
}

int skillspool_ocr_load(void) {
    pthread_once(&load_once, load);
    return tess.state == 1 ? 0 : -1;
}

const char *skillspool_ocr_version(void) { return tess.state == 1 ? tess.version() : NULL; }

void *skillspool_ocr_create(const char *languages) {
    if (skillspool_ocr_load() != 0) return NULL;
    void *api = tess.create();
    if (!api) return NULL;
    if (tess.init3(api, NULL, languages) != 0) {
        tess.destroy(api);
        return NULL;
    }
    // Tesseract's warnings would mix with the converter's output.
    tess.set_variable(api, "debug_file", "/dev/null");
    return api;
}

char *skillspool_ocr_recognize(void *api, const unsigned char *pixels, int width, int height, int dpi, int psm) {
    if (!api) return NULL;
    tess.set_psm(api, psm);
    tess.set_image(api, pixels, width, height, 1, width);
    tess.set_resolution(api, dpi);
    if (tess.recognize(api, NULL) != 0) return NULL;
    return tess.tsv(api, 0);
}

void skillspool_ocr_free(char *text) {
    if (text) tess.delete_text(text);
}

void skillspool_ocr_delete(void *api) {
    if (!api) return;
    tess.end(api);
    tess.destroy(api);
}
