#pragma once
// The local inbox: Socketeer's own SMTP receiver (listening on loopback from the start, so mail
// works with no account) and the messages it kept — a live list, newest first, and the message
// view. Everything slow (parsing, saving a 200 MB attachment) happens on the reader's thread.

#include "inboxreader.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace socketeer {
class SmtpReceiver;
struct Error;
struct ParsedMail;
struct StoredMessage;
}

namespace socketeer::ui {

class InboxFilter;
class InboxModel;
class MessageView;
class Settings;
class TlsServerFields;

class InboxPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxPanel)
public:
    // Starts the receiver at once, as the settings say (port 2525 on loopback by default).
    explicit InboxPanel(Settings &settings, QWidget *parent = nullptr);
    ~InboxPanel() override;

    SmtpReceiver *receiver() const { return m_receiver; }
    InboxModel *model() const { return m_model; }
    // The list as the search field filters it (rows of model() are the source rows).
    InboxFilter *filter() const { return m_filter; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *list() const { return m_list; }
    MessageView *view() const { return m_view; }
    QString statusText() const;
    // True until every message on disk is in the list.
    bool isListing() const { return m_listing; }
    QString directory() const;
    // Where the receiver listens now; 0 while it does not.
    quint16 listeningPort() const;
    // The implicit TLS port it listens on now; 0 while it does not (or has none).
    quint16 implicitTlsPort() const;
    TlsServerFields *tlsFields() const { return m_tls; }
    QSpinBox *portField() const { return m_port; }
    // The address the receiver listens on (the settings': the panel has no field for it).
    QString listenAddress() const;

    void startReceiver();
    void stopReceiver();
    void selectRow(int row);   // a row of model(); nothing when the search hides it
    void deleteSelected();
    void clearAll();    // asks first
    void removeAll();   // does not
    // Saves part `partIndex` of the selected message to `destination` (what "Save as…" does once
    // the user chose a file); saveFinished() follows.
    void saveSelectedPart(int partIndex, const QString &destination);

signals:
    void listeningChanged(bool listening, quint16 port);
    void messageArrived(const QString &id);
    // The message shown in the view is fully read (tests and the status line wait for it).
    void messageShown(const QString &id);
    // Every message on disk is in the list (their summaries may still be coming).
    void listingFinished();
    void saveFinished(const QString &destination, const QString &problem);

private:
    void reload();
    void toggle();
    void showSelected();
    void askWhereToSave(int partIndex, const QString &fileName);
    void onStarted(const QString &address, quint16 port);
    void onStopped();
    void onError(const Error &error);
    void onArrived(const StoredMessage &message);
    void onListed(int generation, const QList<ListedMessage> &rows, bool done);
    void onSummarized(const QList<SummaryUpdate> &updates);
    void scheduleFeed();
    void feedList();
    void onLoaded(const QString &id, const StoredMessage &message, const ParsedMail &mail, const QByteArray &source, bool truncated);
    void updateButtons();
    void applySearch();
    QString securityText() const;
    void setStatus(const QString &text, bool error = false);

    Settings &m_settings;
    SmtpReceiver *m_receiver;
    InboxReader *m_reader;
    InboxModel *m_model;
    InboxFilter *m_filter;
    QLineEdit *m_search;
    QLabel *m_searchProblem;
    QTimer *m_searchDelay;   // one filter pass once typing pauses, not one per key
    QLabel *m_status;
    QSpinBox *m_port;
    // For testing mail clients: AUTH (none or any login) and failure injection, applied at
    // Start. Never saved: each launch starts without them, and while failures are injected a
    // red mark says so.
    QComboBox *m_auth;
    QLineEdit *m_failures;
    QLabel *m_failureMark;
    // Security, applied at Start and remembered (Settings "inbox" fields): STARTTLS with the
    // development or the user's certificate, MAIL refused before it, an implicit TLS port.
    TlsServerFields *m_tls;
    QCheckBox *m_requireTls;
    QSpinBox *m_implicitPort;   // -1: none; 0: any free
    QLabel *m_fingerprint;
    QPushButton *m_startStop;
    QPushButton *m_delete;
    QPushButton *m_clear;
    QPushButton *m_openFolder;
    QTableView *m_list;
    MessageView *m_view;
    QString m_shownId;
    QString m_address;
    quint16 m_listeningPort = 0;
    bool m_stopping = false;
    int m_generation = 0;    // of the listing whose batches are shown
    bool m_listing = false;  // until every listed row is in the model
    bool m_listed = false;   // the reader has sent the last batch
    bool m_feeding = false;  // a feedList() is due
    // Listed rows and summaries not yet in the model, in the order they came.
    struct Pending {
        QList<ListedMessage> rows;
        QList<SummaryUpdate> summaries;
    };
    QList<Pending> m_pending;
};

} // namespace socketeer::ui
