// The regression replay: a main() for a fuzz target that runs every file of the folders (or the
// files) named on its command line through LLVMFuzzerTestOneInput once, in name order. Built with
// any compiler, so the corpus — every crash ever found included — is checked in every ctest run,
// with whatever sanitizer that build has. A missing or empty corpus fails: a replay of nothing
// would pass without testing anything.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else if (info.isFile()) {
            files << path;
        } else {
            std::fprintf(stderr, "%s: no such file or folder\n", argv[i]);
            return 2;
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "no corpus files to replay\n");
        return 2;
    }
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(file.errorString()));
            return 2;
        }
        const QByteArray bytes = file.readAll();
        // A crash or a failed check aborts here; the last line names the input that did it.
        std::fprintf(stderr, "replaying %s (%lld bytes)\n", qPrintable(QFileInfo(path).fileName()),
                     static_cast<long long>(bytes.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size()));
    }
    std::printf("replayed %lld inputs without a crash or a failed check\n", static_cast<long long>(files.size()));
    return 0;
}
