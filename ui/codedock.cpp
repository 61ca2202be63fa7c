#include "codedock.h"

#include "codehighlighter.h"
#include "theme.h"

#include "code/codegen.h"
#include "net/trace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace socketeer::ui {

namespace {

// How often the dock looks at the tab's fields while shown: a program is a few kilobytes of
// text made from a handful of values, so asking again is cheaper than every panel announcing
// every keystroke, and the code follows the fields within a blink.
constexpr int kRefreshMs = 300;

// The workers' threads whose calls a program of this kind stands for (core's setThreadName).
bool threadMatches(CodeKind kind, const QString &thread)
{
    switch (kind) {
    case CodeKind::TcpServer:
        return thread.startsWith(QLatin1String("tcp-server")) || thread == QLatin1String("tcp-accept")
            || thread.startsWith(QLatin1String("tcp-client-"));
    case CodeKind::TcpClient:
        return thread.startsWith(QLatin1String("client-"));
    case CodeKind::Udp:
        return thread == QLatin1String("udp");
    case CodeKind::Mail:
        return true;
    case CodeKind::Inbox:   // the receiver's engine threads (core/mail/smtpreceiver.cpp)
        return thread == QLatin1String("smtp-inbox") || thread == QLatin1String("smtps-inbox");
    }
    return false;
}

} // namespace

CodeDock::CodeDock(QWidget *parent)
    : QDockWidget(parent),
      m_languageCombo(new QComboBox),
      m_editor(new QPlainTextEdit),
      m_highlighter(new CodeHighlighter(m_editor->document())),
      m_languageLabel(new QLabel),
      m_status(new QLabel),
      m_copy(new QPushButton),
      m_save(new QPushButton),
      m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("codeDock"));
    m_languageCombo->setObjectName(QStringLiteral("codeLanguage"));
    m_languageCombo->setToolTip(tr("The language of the program shown: Python or C"));
    m_languageCombo->addItem(QStringLiteral("Python"), static_cast<int>(CodeLanguage::Python));
    m_languageCombo->addItem(QStringLiteral("C"), static_cast<int>(CodeLanguage::C));
    m_languageLabel->setBuddy(m_languageCombo);
    m_editor->setObjectName(QStringLiteral("codeText"));
    m_editor->setAccessibleName(tr("Program"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setObjectName(QStringLiteral("codeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("codeCopy"));
    m_save->setObjectName(QStringLiteral("codeSave"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_languageLabel);
    bar->addWidget(m_languageCombo);
    bar->addStretch();
    bar->addWidget(m_copy);
    bar->addWidget(m_save);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    setWidget(content);

    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &CodeDock::refresh);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_highlighter->setLanguage(language());
        refresh();
    });
    connect(m_copy, &QPushButton::clicked, this, &CodeDock::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &CodeDock::saveAs);
    retranslate();
}

CodeDock::~CodeDock() = default;

void CodeDock::setSettingsProvider(SettingsProvider provider)
{
    m_provider = std::move(provider);
    refresh();
}

CodeLanguage CodeDock::language() const
{
    return static_cast<CodeLanguage>(m_languageCombo->currentData().toInt());
}

void CodeDock::setLanguage(CodeLanguage language)
{
    m_languageCombo->setCurrentIndex(m_languageCombo->findData(static_cast<int>(language)));
}

QString CodeDock::code() const
{
    return m_generated.text;
}

QString CodeDock::problem() const
{
    return m_problem;
}

QString CodeDock::suggestedFileName() const
{
    return m_generated.fileName;
}

QString CodeDock::statusText() const
{
    return m_status->text();
}

void CodeDock::refresh()
{
    std::optional<Result<CodeSettings>> settings;
    if (m_provider)
        settings = m_provider();
    QString problem;
    GeneratedCode generated;
    if (!settings) {
        problem = tr("This tab has no program to show: choose a server, client, UDP or inbox tab.");
    } else if (!*settings) {
        problem = settings->error().message();
    } else {
        CodeSettings wanted = **settings;
        wanted.language = language();
        auto made = generateCode(wanted);
        if (made)
            generated = std::move(made).value();
        else
            problem = made.error().message();
        m_kind = wanted.kind;
    }
    m_copy->setEnabled(problem.isEmpty());
    m_save->setEnabled(problem.isEmpty());
    if (problem == m_problem && generated.text == m_generated.text)
        return;   // nothing changed: keep the scroll position and the marked line
    m_problem = problem;
    m_generated = std::move(generated);
    const int scroll = m_editor->verticalScrollBar()->value();
    m_editor->setPlainText(m_generated.text);
    m_editor->verticalScrollBar()->setValue(scroll);
    m_highlightedLine = 0;
    m_highlightedCall.clear();
    markLine(0);
    setStatus(m_problem, !m_problem.isEmpty());
}

void CodeDock::copyToClipboard()
{
    refresh();
    if (!m_problem.isEmpty())
        return;
    QApplication::clipboard()->setText(m_generated.text);
    setStatus(tr("Copied %n line(s) to the clipboard.", nullptr, static_cast<int>(m_generated.text.count(QLatin1Char('\n')))), false);
}

void CodeDock::saveAs()
{
    refresh();
    if (!m_problem.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the program"), m_generated.fileName);
    if (!path.isEmpty())
        saveTo(path);
}

bool CodeDock::saveTo(const QString &path)
{
    refresh();
    if (!m_problem.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_generated.text.toUtf8()) < 0 || !file.commit()) {
        setStatus(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    if (language() == CodeLanguage::Python)
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);   // it starts with #!
    setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void CodeDock::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    refresh();
    m_refresh->start();
    if (!m_recorder) {
        m_recorder = new TraceRecorder(this);
        connect(m_recorder, &TraceRecorder::eventsRecorded, this, &CodeDock::callsRecorded);
    }
}

void CodeDock::hideEvent(QHideEvent *event)
{
    m_refresh->stop();
    delete m_recorder;   // nobody reads the calls now: the workers stop building their text
    m_recorder = nullptr;
    QDockWidget::hideEvent(event);
}

void CodeDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_problem.clear();   // said again in the new language
        m_generated = {};
        refresh();
    } else if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setLanguage(language());   // its colours follow light or dark
    }
    QDockWidget::changeEvent(event);
}

void CodeDock::retranslate()
{
    setWindowTitle(tr("Code"));
    m_languageLabel->setText(tr("Lan&guage:"));
    m_copy->setText(tr("&Copy"));
    m_copy->setToolTip(tr("Copy the whole program to the clipboard"));
    m_save->setText(tr("Save &as…"));
    m_save->setToolTip(tr("Save the program as a file you can run"));
    m_editor->setToolTip(tr("The program that does what this tab does. The line of the socket call made last is marked."));
}

void CodeDock::callsRecorded(const QList<TraceEvent> &events)
{
    // The last call of this tab's kind that the program makes too: its line is marked.
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (!threadMatches(m_kind, it->thread))
            continue;
        const auto lines = m_generated.callLines.constFind(it->call);
        if (lines == m_generated.callLines.cend() || lines->isEmpty())
            continue;
        m_highlightedCall = it->call;
        markLine(lines->first());
        return;
    }
}

void CodeDock::markLine(int line)
{
    m_highlightedLine = line;
    QList<QTextEdit::ExtraSelection> selections;
    if (line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.format.setBackground(theme::colour(theme::Role::Found));
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            selections << selection;
            QTextCursor cursor(block);
            m_editor->setTextCursor(cursor);
            m_editor->centerCursor();   // the marked line in the middle, with the code around it
        }
    }
    m_editor->setExtraSelections(selections);
}

void CodeDock::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? theme::textStyle(theme::Role::Error) : QString());
}

} // namespace socketeer::ui
