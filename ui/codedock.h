#pragma once
// "Show me the code": a dock that shows, for the window's current tab, the complete program in
// Python (the tutorial's style) or C that does what the tab's fields say, updated as they change.
// While it is open it also listens to the socket calls the core makes and marks the line of the
// program that makes the call the timeline drew last, so the window and the code can be read side
// by side. Copy and Save as… hand the program over as it is shown.

#include "code/codesettings.h"
#include "net/error.h"

#include <QDockWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace socketeer {
class TraceRecorder;
struct TraceEvent;
}

namespace socketeer::ui {

class CodeHighlighter;

class CodeDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeDock)
public:
    // What a tab's fields stand for; nullopt for a tab with no program (the inbox).
    using SettingsProvider = std::function<std::optional<Result<CodeSettings>>()>;

    explicit CodeDock(QWidget *parent = nullptr);
    ~CodeDock() override;

    void setSettingsProvider(SettingsProvider provider);
    CodeLanguage language() const;
    void setLanguage(CodeLanguage language);

    // Generates again from the current tab now (the dock also does it on its own while shown).
    void refresh();
    QString code() const;
    QString problem() const;              // why there is no program for this tab, or empty
    QString suggestedFileName() const;
    int highlightedLine() const { return m_highlightedLine; }   // 1-based, 0: none
    QString highlightedCall() const { return m_highlightedCall; }
    bool saveTo(const QString &path);   // false: the reason is in statusText()
    QString statusText() const;

    QComboBox *languageCombo() const { return m_languageCombo; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *saveButton() const { return m_save; }

public slots:
    void copyToClipboard();
    void saveAs();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void callsRecorded(const QList<TraceEvent> &events);
    void markLine(int line);
    void setStatus(const QString &text, bool isError);

    SettingsProvider m_provider;
    QComboBox *m_languageCombo;
    QPlainTextEdit *m_editor;
    CodeHighlighter *m_highlighter;
    QLabel *m_languageLabel;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_save;
    QTimer *m_refresh;
    TraceRecorder *m_recorder = nullptr;   // alive while the dock is shown
    GeneratedCode m_generated;
    QString m_problem;
    int m_highlightedLine = 0;
    QString m_highlightedCall;
    CodeKind m_kind = CodeKind::TcpServer;
};

} // namespace socketeer::ui
