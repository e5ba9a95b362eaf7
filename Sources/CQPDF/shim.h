#ifndef SKILLSPOOL_CQPDF_SHIM_H
#define SKILLSPOOL_CQPDF_SHIM_H
#include <qpdf/qpdf-c.h>
#endif
