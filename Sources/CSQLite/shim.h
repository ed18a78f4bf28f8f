#include <sqlite3.h>

/// sqlite3_config is variadic, so Swift cannot call it: turns off SQLite's global memory
/// statistics (each allocation and free then takes no global mutex). Call before the first
/// connection opens; returns SQLITE_MISUSE (harmlessly) once SQLite is initialised.
static inline int povreview_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
