#pragma once
// The compose window's draft on disk, so that nothing typed is lost: after a failed send, a
// cancel, or the app being killed, the next window shows every field and the attachment list.
// Never the password. Written whole and atomically (QSaveFile: write, then rename), so a crash
// mid-write leaves the previous draft, never half of one.

#include <QString>
#include <QVariantMap>

namespace socketeer::ui {

class MailDraftStore {
public:
    // The app's data folder (QStandardPaths::AppDataLocation)/drafts/compose.json.
    static QString defaultPath();
    explicit MailDraftStore(QString path = defaultPath());

    QString path() const { return m_path; }
    // The saved draft; empty when there is none or it cannot be read.
    QVariantMap load() const;
    // False with the reason in *error when the draft could not be written.
    bool save(const QVariantMap &draft, QString *error = nullptr) const;

private:
    QString m_path;
};

} // namespace socketeer::ui
