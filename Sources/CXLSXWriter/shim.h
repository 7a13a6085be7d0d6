// libxlsxwriter, from Debian's libxlsxwriter-dev: writes Excel .xlsx workbooks with number
// formats and native charts.
#ifndef PLACEPLAN_CXLSXWRITER_SHIM_H
#define PLACEPLAN_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
