#pragma once
// A panel's message log: the table, and the controls a person uses on it — text or hex, the
// encoding, a filter on text or peer, clear, save, and continuous logging to a file.

#include "messagelogmodel.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QFile;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace socketeer::ui {

class MessageLogView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageLogView)
public:
    static constexpr int kRefreshMs = 100;   // the most often a flood re-lays out the table

    explicit MessageLogView(QWidget *parent = nullptr);
    ~MessageLogView() override;

    MessageLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    void append(LogEntry entry);
    void appendBatch(QList<LogEntry> entries);
    void info(const QString &text, const QString &peer = {});
    void error(const QString &text, const QString &peer = {});

    void setEncoding(TextEncoding encoding);
    TextEncoding encoding() const { return m_model->encoding(); }
    void setHexView(bool hex);
    bool hexView() const { return m_model->hexView(); }
    void setMaximumEntries(int maximum);
    int visibleRowCount() const;
    // A pane beside the table (the raw pieces under framing), sharing its height; hide it to hide it.
    void addSidePane(QWidget *pane);

    bool saveTo(const QString &path, QString *errorMessage = nullptr) const;
    bool startLoggingTo(const QString &path, QString *errorMessage = nullptr);
    void stopLogging();
    bool isLogging() const { return m_logFile != nullptr; }

signals:
    void encodingChanged(socketeer::TextEncoding encoding);
    void hexViewChanged(bool hex);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void sizeColumns();
    void fitPayloadsToTheirColumn();
    void showHeld();
    void applyFilter();
    void saveAs();
    void toggleLogging(bool on);
    void writeToLog(const LogEntry &entry);

    MessageLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QSplitter *m_splitter;
    QToolButton *m_hexButton;
    QComboBox *m_encodingCombo;
    QLineEdit *m_filterEdit;
    QCheckBox *m_logCheck;
    QSpinBox *m_maxEntries;
    std::unique_ptr<QFile> m_logFile;
    QList<LogEntry> m_held;     // appended while the last refresh is recent: shown by m_refresh
    QTimer *m_refresh;
};

} // namespace socketeer::ui
