#include "inboxpanel.h"

#include "fieldmemory.h"
#include "inboxfilter.h"
#include "inboxmodel.h"
#include "inboxreader.h"
#include "messageview.h"
#include "settings.h"
#include "theme.h"
#include "tlsserverfields.h"

#include "mail/mailparser.h"
#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"
#include "net/error.h"
#include "tls/tlscontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace socketeer::ui {

InboxPanel::InboxPanel(Settings &settings, QWidget *parent)
    : QWidget(parent),
      m_settings(settings),
      m_receiver(new SmtpReceiver(this)),
      m_reader(new InboxReader(this)),
      m_model(new InboxModel(this)),
      m_filter(new InboxFilter(m_model, this)),
      m_search(new QLineEdit),
      m_searchProblem(new QLabel),
      m_searchDelay(new QTimer(this)),
      m_status(new QLabel),
      m_port(new QSpinBox),
      m_auth(new QComboBox),
      m_failures(new QLineEdit),
      m_failureMark(new QLabel),
      m_tls(new TlsServerFields),
      m_requireTls(new QCheckBox(tr("Require TLS before MAIL"))),
      m_implicitPort(new QSpinBox),
      m_fingerprint(new QLabel),
      m_startStop(new QPushButton),
      m_delete(new QPushButton(tr("Delete"))),
      m_clear(new QPushButton(tr("Clear all…"))),
      m_openFolder(new QPushButton(tr("Open folder"))),
      m_list(new QTableView),
      m_view(new MessageView)
{
    setObjectName(QStringLiteral("inboxPanel"));
    m_status->setObjectName(QStringLiteral("inboxStatus"));
    // Paths and errors are text, never markup: a QLabel would guess HTML from a tag.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_port->setObjectName(QStringLiteral("inboxPort"));
    m_port->setAccessibleName(tr("Inbox port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free"));   // 0: the status line says which one it got
    m_port->setValue(m_settings.inboxPort());
    m_port->setMinimumWidth(m_port->sizeHint().width());   // the long status line must not squeeze it
    m_port->setToolTip(tr("The port the local inbox listens on (0: any free port). Programs you test send mail here."));
    m_auth->setObjectName(QStringLiteral("inboxAuth"));
    m_auth->addItem(tr("No login"), int(SmtpAuthMode::Off));
    m_auth->addItem(tr("Any login accepted"), int(SmtpAuthMode::Any));
    m_auth->setToolTip(tr("SMTP AUTH (PLAIN and LOGIN) for testing a mail client's login: every user name and password is "
                          "accepted, and the user is shown with each message. Offered only to programs on this computer. "
                          "Takes effect at Start."));
    m_failures->setObjectName(QStringLiteral("inboxFailures"));
    m_failures->setAccessibleName(tr("Failures to inject"));
    m_failures->setPlaceholderText(tr("e.g. RCPT:451:50"));
    m_failures->setToolTip(tr("Failure injection, for testing how a mail client handles errors: STAGE:CODE:PERCENT, several "
                              "separated by spaces. At STAGE (AUTH, MAIL, RCPT or DATA) the inbox answers CODE (400 to 599) "
                              "instead of the normal reply, PERCENT of the time. Takes effect at Start; empty: off."));
    m_failureMark->setObjectName(QStringLiteral("inboxFailureMark"));
    m_failureMark->setTextFormat(Qt::PlainText);
    m_failureMark->setStyleSheet(QStringLiteral("color: white; background: #c02020; padding: 2px 6px; font-weight: bold;"));
    m_failureMark->hide();
    m_tls->setObjectName(QStringLiteral("inboxTls"));
    // Its own tooltips (kept up to date on a language change) say what TLS and the certificates are.
    m_requireTls->setObjectName(QStringLiteral("inboxRequireTls"));
    m_requireTls->setToolTip(tr("Answer MAIL with 530 until the client has said STARTTLS, as a server that insists on TLS does."));
    m_implicitPort->setObjectName(QStringLiteral("inboxImplicitTlsPort"));
    m_implicitPort->setRange(-1, 65535);
    m_implicitPort->setValue(-1);
    m_implicitPort->setSpecialValueText(tr("off"));   // -1; 0 is any free port
    m_implicitPort->setMinimumWidth(m_implicitPort->sizeHint().width());
    m_implicitPort->setToolTip(tr("Also listen on this port for implicit TLS (SMTPS, like port 465: the TLS handshake comes "
                                  "first). Off, or 0 for any free port."));
    m_fingerprint->setObjectName(QStringLiteral("inboxFingerprint"));
    m_fingerprint->setTextFormat(Qt::PlainText);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    // Remembered like the port (the auth and failure fields are not: see the header).
    for (QWidget *field : std::initializer_list<QWidget *>{m_requireTls, m_implicitPort})
        rememberField(field);
    m_startStop->setObjectName(QStringLiteral("inboxStartStop"));
    m_startStop->setToolTip(tr("Start or stop receiving mail"));
    m_delete->setObjectName(QStringLiteral("inboxDelete"));
    m_delete->setToolTip(tr("Delete the selected messages from the inbox"));
    m_clear->setObjectName(QStringLiteral("inboxClear"));
    m_clear->setToolTip(tr("Delete every message in the inbox"));
    m_openFolder->setToolTip(tr("Each message is a .eml file there: the Received: line the inbox adds, then the message exactly as it "
                                  "arrived. Its envelope is in a .json beside it."));

    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search, e.g. from:alice has:attachment -invoice"));
    m_search->setToolTip(tr("Shows only the messages that match every term:\n"
                            "  from:TEXT, to:TEXT, subject:TEXT: in that header (from: and to: also in the envelope)\n"
                            "  has:attachment\n"
                            "  after:YYYY-MM-DD, before:YYYY-MM-DD: received on or after / before that day (local time)\n"
                            "  larger:SIZE, smaller:SIZE: the message's size, e.g. 10K or 2M\n"
                            "  TEXT: in the subject, From, To or the envelope's addresses (not the body)\n"
                            "  \"two words\": a phrase; -TERM: without what TERM matches\n"
                            "The same search as socketeer inbox list --search."));
    m_searchProblem->setObjectName(QStringLiteral("inboxSearchProblem"));
    m_searchProblem->setTextFormat(Qt::PlainText);
    m_searchProblem->setStyleSheet(theme::textStyle(theme::Role::Error));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);

    m_list->setObjectName(QStringLiteral("inboxList"));
    m_list->setAccessibleDescription(tr("The mail received, newest first: select one to read it"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(m_filter);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(InboxModel::Subject, QHeaderView::Stretch);
    m_list->horizontalHeader()->setHighlightSections(false);
    m_list->setColumnWidth(InboxModel::From, 220);
    m_list->setColumnWidth(InboxModel::To, 180);
    // Wide enough for the longest short date of this locale, so it is never cut.
    const QString longestDate = QLocale().toString(QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59)), QLocale::ShortFormat);
    m_list->setColumnWidth(InboxModel::Received, m_list->fontMetrics().horizontalAdvance(longestDate) + 24);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Port")));
    controls->addWidget(m_port);
    controls->addWidget(m_startStop);
    controls->addWidget(m_status, 1);
    controls->addWidget(m_openFolder);
    controls->addWidget(m_delete);
    controls->addWidget(m_clear);

    auto *testing = new QHBoxLayout;
    testing->addWidget(new QLabel(tr("Login")));
    testing->addWidget(m_auth);
    testing->addWidget(new QLabel(tr("Fail on purpose")));
    testing->addWidget(m_failures, 1);
    testing->addWidget(m_failureMark);

    auto *security = new QHBoxLayout;
    security->addWidget(m_tls);
    security->addWidget(m_requireTls);
    auto *implicitLabel = new QLabel(tr("TLS port"));
    implicitLabel->setBuddy(m_implicitPort);
    security->addWidget(implicitLabel);
    security->addWidget(m_implicitPort);
    security->addWidget(m_fingerprint, 1);

    auto *searchRow = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("Search"));
    searchLabel->setBuddy(m_search);
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchProblem);
    auto *listArea = new QWidget;
    auto *listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_list, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(listArea);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(testing);
    layout->addLayout(security);
    layout->addWidget(splitter, 1);

    connect(m_tls, &TlsServerFields::modeChanged, this, &InboxPanel::updateButtons);
    connect(m_startStop, &QPushButton::clicked, this, &InboxPanel::toggle);
    connect(m_delete, &QPushButton::clicked, this, &InboxPanel::deleteSelected);
    connect(m_clear, &QPushButton::clicked, this, &InboxPanel::clearAll);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(directory())); });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InboxPanel::showSelected);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &InboxPanel::applySearch);
    connect(m_searchDelay, &QTimer::timeout, this, &InboxPanel::applySearch);
    connect(m_view, &MessageView::saveRequested, this, &InboxPanel::askWhereToSave);

    connect(m_receiver, &SmtpReceiver::started, this, &InboxPanel::onStarted);
    connect(m_receiver, &SmtpReceiver::stopped, this, &InboxPanel::onStopped);
    connect(m_receiver, &SmtpReceiver::errorOccurred, this, &InboxPanel::onError);
    connect(m_receiver, &SmtpReceiver::messageReceived, this, &InboxPanel::onArrived);
    connect(m_reader, &InboxReader::listed, this, &InboxPanel::onListed);
    connect(m_reader, &InboxReader::summarized, this, &InboxPanel::onSummarized);
    connect(m_reader, &InboxReader::loaded, this, &InboxPanel::onLoaded);
    connect(m_reader, &InboxReader::saved, this, [this](const QString &destination, const QString &problem) {
        if (problem.isEmpty())
            setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(destination)));
        else
            setStatus(problem, true);
        emit saveFinished(destination, problem);
    });

    // Before the first Start: the security chosen last time.
    restoreFields(this, m_settings.fields(QStringLiteral("inbox")));
    reload();
    updateButtons();
    startReceiver();
}

InboxPanel::~InboxPanel() = default;

// The store's folder: the one in the settings, or the store's own inside it when that one holds
// the user's files.
QString InboxPanel::directory() const
{
    return MailStore(m_settings.inboxDirectory()).directory();
}

QString InboxPanel::listenAddress() const
{
    return m_settings.inboxAddress();
}

quint16 InboxPanel::listeningPort() const
{
    return m_listeningPort;
}

quint16 InboxPanel::implicitTlsPort() const
{
    return m_listeningPort != 0 ? m_receiver->implicitTlsPort() : 0;
}

QString InboxPanel::statusText() const
{
    return m_status->text();
}

// What is on disk, the messages from before this start included: listed on the reader's thread
// and shown in batches as they come (onListed), so that 20,000 messages never hold up the window.
// Sweeping what a crash left is the receiver's, when it starts: only it knows nothing is being
// written meanwhile.
void InboxPanel::reload()
{
    m_model->clear();
    m_pending.clear();
    m_view->showNothing();
    m_shownId.clear();
    m_listing = true;
    m_listed = false;
    m_reader->list(++m_generation, m_settings.inboxDirectory());
}

// Batches can arrive faster than the GUI takes them (the reader's answers are delivered together
// when the GUI thread was busy): they wait here, shared and not copied, and go into the list one
// per turn of the event loop, so that adding 100,000 rows never holds the window up. Summaries
// queue behind the rows they are for.
void InboxPanel::onListed(int generation, const QList<ListedMessage> &rows, bool done)
{
    if (generation != m_generation)
        return;   // an older listing, overtaken by Clear all or a new folder
    if (!rows.isEmpty())
        m_pending.append(Pending{rows, {}});
    m_listed = done;
    scheduleFeed();
}

void InboxPanel::onSummarized(const QList<SummaryUpdate> &updates)
{
    if (m_pending.isEmpty())
        return m_model->setSummaries(updates);
    m_pending.append(Pending{{}, updates});
    scheduleFeed();
}

void InboxPanel::scheduleFeed()
{
    if (!m_feeding) {
        m_feeding = true;
        QTimer::singleShot(0, this, &InboxPanel::feedList);
    }
}

void InboxPanel::feedList()
{
    m_feeding = false;
    if (!m_pending.isEmpty()) {
        Pending next = m_pending.takeFirst();
        if (!next.rows.isEmpty())
            m_model->append(std::move(next.rows));
        if (!next.summaries.isEmpty())
            m_model->setSummaries(next.summaries);
    }
    if (!m_pending.isEmpty()) {
        scheduleFeed();
    } else if (m_listed && m_listing) {
        m_listing = false;
        emit listingFinished();
    }
    updateButtons();
}

void InboxPanel::startReceiver()
{
    if (m_receiver->isRunning())
        return;
    SmtpReceiverConfig config;
    config.endpoint = {m_settings.inboxAddress(), static_cast<quint16>(m_port->value()), {}};
    config.directory = m_settings.inboxDirectory();
    config.authMode = SmtpAuthMode(m_auth->currentData().toInt());
    for (const QString &text : m_failures->text().split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts)) {
        const auto rule = parseSmtpFailureRule(text);
        if (!rule)
            return setStatus(tr("Fail on purpose: %1").arg(rule.error().detail), true);
        config.failures << *rule;
    }
    // A certificate file that cannot be used is said, naming it, and nothing starts.
    auto tls = m_tls->makeContext();
    if (!tls) {
        m_fingerprint->clear();
        return setStatus(tls.error().message(), true);
    }
    config.tls = std::move(*tls);
    if (config.tls) {
        config.requireTls = m_requireTls->isChecked();
        if (m_implicitPort->value() >= 0)
            config.implicitTlsPort = static_cast<quint16>(m_implicitPort->value());
        m_fingerprint->setText(tr("Certificate SHA-256 fingerprint: %1").arg(config.tls->certificateSha256()));
    } else {
        m_fingerprint->clear();
    }
    m_settings.setInboxPort(static_cast<quint16>(m_port->value()));
    m_settings.setFields(QStringLiteral("inbox"), captureFields(this));
    m_receiver->start(config);
    setStatus(tr("Starting the local inbox…"));
    updateButtons();
}

void InboxPanel::stopReceiver()
{
    if (!m_receiver->isRunning())
        return;
    m_stopping = true;
    m_receiver->stop();
    updateButtons();
}

void InboxPanel::toggle()
{
    if (m_receiver->isRunning())
        stopReceiver();
    else
        startReceiver();
}

void InboxPanel::onStarted(const QString &address, quint16 port)
{
    m_address = address;
    m_listeningPort = port;
    const SmtpReceiverConfig &config = m_receiver->config();
    setStatus((config.authMode == SmtpAuthMode::Off
                   ? tr("Receiving mail on %1 port %2 (SMTP, no login). Send to any address here: every message is kept, none "
                        "is passed on.")
                   : tr("Receiving mail on %1 port %2 (SMTP, any login accepted). Send to any address here: every message is "
                        "kept, none is passed on."))
                  .arg(address)
                  .arg(port)
              + securityText());
    QStringList rules;
    for (const SmtpFailureRule &rule : config.failures)
        rules << formatSmtpFailureRule(rule);
    m_failureMark->setText(tr("Failures injected: %1").arg(rules.join(QStringLiteral(", "))));
    m_failureMark->setVisible(!rules.isEmpty());
    updateButtons();
    emit listeningChanged(true, port);
}

void InboxPanel::onStopped()
{
    const bool wasListening = m_listeningPort != 0;
    m_listeningPort = 0;
    m_failureMark->hide();
    if (m_stopping)
        setStatus(tr("The local inbox is stopped: nothing receives mail. Messages already received stay below."));
    m_stopping = false;
    updateButtons();
    if (wasListening)
        emit listeningChanged(false, 0);
}

void InboxPanel::onError(const Error &error)
{
    QString text = error.message();
    if (error.kind == ErrorKind::Bind && error.code == std::errc::address_in_use)
        text += QLatin1Char(' ') + tr("Another program (perhaps another Socketeer) uses port %1: choose another port and press Start.")
                                       .arg(m_port->value());
    setStatus(text, true);
}

void InboxPanel::onArrived(const StoredMessage &message)
{
    m_model->prepend(message);
    m_reader->summarize(m_receiver->directory(), message);
    updateButtons();
    emit messageArrived(message.id);
}

void InboxPanel::selectRow(int row)
{
    const int shown = m_filter->proxyRow(row);
    if (shown >= 0)
        m_list->selectRow(shown);
    else
        m_list->clearSelection();
}

void InboxPanel::applySearch()
{
    m_searchDelay->stop();
    const QString problem = m_filter->setSearch(m_search->text());
    m_searchProblem->setText(problem);
}

void InboxPanel::showSelected()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    const StoredMessage *message = rows.isEmpty() ? nullptr : m_model->message(m_filter->sourceRow(rows.first()));
    updateButtons();
    if (!message) {
        m_shownId.clear();
        m_view->showNothing();
        return;
    }
    m_shownId = message->id;
    m_view->showLoading(*message);
    m_reader->load(message->id, message->path);
}

void InboxPanel::onLoaded(const QString &id, const StoredMessage &message, const ParsedMail &mail, const QByteArray &source,
                          bool truncated)
{
    if (id != m_shownId)
        return;   // the user has moved on to another message
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    // The whole envelope as the reader read it (a list row has no dialogue); the row's if the
    // envelope file could not be read.
    m_view->showMessage(message.id == id ? message : *m_model->message(row), mail, source, truncated);
    emit messageShown(id);
}

void InboxPanel::askWhereToSave(int partIndex, const QString &fileName)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString destination = QFileDialog::getSaveFileName(this, tr("Save attachment"), QDir(folder).filePath(fileName));
    if (!destination.isEmpty())
        saveSelectedPart(partIndex, destination);
}

void InboxPanel::saveSelectedPart(int partIndex, const QString &destination)
{
    const int row = m_model->rowOf(m_shownId);
    if (row < 0)
        return;
    setStatus(tr("Saving %1…").arg(QDir::toNativeSeparators(destination)));
    m_reader->savePart(m_model->message(row)->path, partIndex, destination);
}

void InboxPanel::deleteSelected()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int shown = rows.first().row();
    const QString id = m_model->message(m_filter->sourceRow(rows.first()))->id;
    if (auto removed = MailStore(m_settings.inboxDirectory()).remove(id); !removed)
        return setStatus(removed.error().message(), true);
    m_model->remove(id);
    if (m_filter->rowCount() > 0)
        m_list->selectRow(qMin(shown, m_filter->rowCount() - 1));
    updateButtons();
}

void InboxPanel::clearAll()
{
    if (m_model->rowCount() == 0)
        return;
    const auto answer = QMessageBox::question(this, tr("Clear the inbox"),
                                              tr("Delete all %n message(s) of the local inbox? Their files are removed.", nullptr,
                                                 m_model->rowCount()));
    if (answer == QMessageBox::Yes)
        removeAll();
}

void InboxPanel::removeAll()
{
    if (auto cleared = MailStore(m_settings.inboxDirectory()).clear(); !cleared)
        setStatus(cleared.error().message(), true);
    reload();
    updateButtons();
}

void InboxPanel::updateButtons()
{
    const bool running = m_receiver->isRunning();
    m_startStop->setText(running ? tr("Stop") : tr("Start"));
    m_port->setEnabled(!running);
    m_auth->setEnabled(!running);
    m_failures->setEnabled(!running);
    m_tls->setEnabled(!running);
    const bool tls = m_tls->mode() != TlsServerFields::Mode::None;
    m_requireTls->setEnabled(!running && tls);
    m_implicitPort->setEnabled(!running && tls);
    const bool selected = m_list->selectionModel() && m_list->selectionModel()->hasSelection();
    m_delete->setEnabled(selected);
    m_clear->setEnabled(m_model->rowCount() > 0);
}

// What the running receiver offers beyond plain SMTP, for the status line ("" without TLS).
QString InboxPanel::securityText() const
{
    const SmtpReceiverConfig &config = m_receiver->config();
    if (!config.tls)
        return {};
    QString text(QLatin1Char(' '));
    if (config.implicitTlsPort)
        text += tr("STARTTLS on port %1, TLS on port %2.").arg(m_listeningPort).arg(m_receiver->implicitTlsPort());
    else
        text += tr("STARTTLS on port %1.").arg(m_listeningPort);
    if (config.requireTls)
        text += QLatin1Char(' ') + tr("MAIL is refused until STARTTLS.");
    return text;
}

void InboxPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? theme::textStyle(theme::Role::Error) : QString());
}

} // namespace socketeer::ui
