#include "niact/status.h"

const char *niact_status_name(niact_status st) {
    switch (st) {
    case NIACT_OK: return "ok";
    case NIACT_ERR_NOMEM: return "out of memory";
    case NIACT_ERR_INVALID: return "invalid request";
    case NIACT_ERR_STATE: return "not allowed now";
    case NIACT_ERR_SCRIPT: return "scenario error";
    case NIACT_ERR_LIMIT: return "scenario limit exceeded";
    case NIACT_ERR_IO: return "input/output error";
    case NIACT_ERR_FORMAT: return "bad format";
    case NIACT_ERR_BROKEN: return "game broken";
    }
    return "unknown status";
}
