#include "dossier/version.h"

namespace dossier {

const char* Version() { return DOSSIER_VERSION; }

}  // namespace dossier
