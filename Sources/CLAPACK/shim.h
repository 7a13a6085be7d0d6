// Prototypes of the Fortran LAPACK routines placeplan calls. Debian's liblapack-dev
// ships the library without a C header for them. Arrays are column-major, every
// argument is passed by pointer, and INTEGER is 32-bit.
#ifndef PLACEPLAN_CLAPACK_SHIM_H
#define PLACEPLAN_CLAPACK_SHIM_H

/// QR factorisation with column pivoting: A P = Q R.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);

/// Multiply by Q or Q^T from a factorisation made by dgeqrf/dgeqp3, unblocked (what
/// dormqr calls when its workspace is short of the blocked form's); work holds n values
/// for side "L".
void dorm2r_(const char *side, const char *trans, const int *m, const int *n,
             const int *k, const double *a, const int *lda, const double *tau,
             double *c, const int *ldc, double *work, int *info);

/// Solve a triangular system with several right-hand sides.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n,
             const int *nrhs, const double *a, const int *lda, double *b,
             const int *ldb, int *info);

/// Inverse of a triangular matrix.
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a,
             const int *lda, int *info);

/// Reciprocal condition number of a triangular matrix.
void dtrcon_(const char *norm, const char *uplo, const char *diag, const int *n,
             const double *a, const int *lda, double *rcond, double *work,
             int *iwork, int *info);

#endif
