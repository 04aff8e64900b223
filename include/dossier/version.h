// The library's version, "MAJOR.MINOR.PATCH".
#ifndef DOSSIER_VERSION_H_
#define DOSSIER_VERSION_H_

namespace dossier {

const char* Version();

}  // namespace dossier

#endif  // DOSSIER_VERSION_H_
