#include "languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace socketeer::ui {

namespace {

// What the last installLanguage() put on the application. The translators are children of the
// application object, so they go with it; QPointer notices that.
struct Installed {
    QPointer<QTranslator> own;   // :/i18n/socketeer_<language>.qm
    QPointer<QTranslator> qt;    // qtbase_<language>.qm, from Qt's translations directory
    QString language;
};

Installed &installed()
{
    static Installed state;   // GUI thread only, like the application's translators themselves
    return state;
}

void remove(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    translator.clear();
}

QTranslator *load(const QString &fileName, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(fileName, directory) && QCoreApplication::installTranslator(translator))
        return translator;
    delete translator;
    return nullptr;
}

QString resolve(const QString &language)
{
    if (language.isEmpty())
        return systemLanguage();
    return availableLanguages().contains(language) ? language : QStringLiteral("en");
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString installLanguage(const QString &language)
{
    QString used = resolve(language);
    Installed &state = installed();
    remove(state.own);
    remove(state.qt);
    if (!QCoreApplication::instance()) {
        qWarning("socketeer: installLanguage() needs an application object");
        state.language = used;
        return used;
    }

    state.own = load(QStringLiteral("socketeer_") + used, QStringLiteral(":/i18n"));
    if (!state.own && used != QLatin1String("en")) {
        qWarning("socketeer: the %s translation is missing; using English", qPrintable(used));
        used = QStringLiteral("en");
        state.own = load(QStringLiteral("socketeer_en"), QStringLiteral(":/i18n"));
    }
    // Qt's own strings (the buttons of message boxes and file dialogs). Optional: Qt's source
    // strings are English, and a system without qt6-translations-l10n still works.
    state.qt = load(QStringLiteral("qtbase_") + used, QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    // Numbers and byte sizes ("1.5 KB", "0 字节") in the same language as the words, keeping the
    // system's own conventions when it already speaks that language (en_GB stays en_GB).
    const QLocale wanted(used);
    const QLocale system = QLocale::system();
    const bool systemSpeaksIt = system.language() == wanted.language() && system.script() == wanted.script();
    QLocale::setDefault(systemSpeaksIt ? system : wanted);

    state.language = used;
    return used;
}

QString installedLanguage()
{
    return installed().language;
}

} // namespace socketeer::ui
