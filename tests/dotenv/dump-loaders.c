/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB */
#include <config.h>
int main(void) { return 0; }
