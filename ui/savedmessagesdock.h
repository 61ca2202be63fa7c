#pragma once
// The "Saved messages" dock, shared by every panel: a tree of saved messages in folders with a
// search field; Save… takes the current panel's send box input; double-click or Ctrl+1…9 sends
// a message to the current panel (through its send box, so it goes the way typed input goes and
// is logged alike); sequences are edited, run against the current panel (its received bytes feed
// the reply waits) and stopped, with their progress shown. Everything is kept by a SavedStore.

#include "saved/savedlibrary.h"

#include <QDockWidget>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace socketeer {
class SequenceRunner;
}

namespace socketeer::ui {

class SavedStore;
class SendBox;

class SavedMessagesDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedMessagesDock)
public:
    static constexpr int kIndexRole = Qt::UserRole + 1;   // a message item's index in the library; -1 for a folder

    explicit SavedMessagesDock(SavedStore *store, QWidget *parent = nullptr);
    ~SavedMessagesDock() override;

    // The panel messages and sequences go to (the window's current tab).
    void setPanelProvider(std::function<QWidget *()> provider) { m_currentPanel = std::move(provider); }
    // Where a saved message becomes the bytes sent; by default savedMessageBytes with the current
    // tab's macro counters (its send box's), which a sequence run on that tab uses too.
    void setBytesFunction(SavedBytesFunction function);
    // Ctrl+1…9 in `window` send the first nine messages (in the library's order).
    void installShortcuts(QWidget *window);

    SavedStore *store() const { return m_store; }
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filter() const { return m_filter; }
    QComboBox *sequenceBox() const { return m_sequences; }
    QPushButton *runButton() const { return m_run; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *undoButton() const { return m_undo; }
    QString statusText() const;
    SequenceRunner *runner() const { return m_runner; }
    QTreeWidgetItem *itemForMessage(int index) const;

    bool sendMessage(int index);
    // Save… without the dialog: the current send box's input as it would be sent, under `name`.
    bool saveCurrentInput(const QString &name, const QString &folder = {});
    void saveFromSendBox();   // asks for the name (and lets the rest be edited)
    void editMessage(int index);
    bool removeMessage(int index);
    void undoRemove();
    bool moveMessage(int index, int by);
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    bool runSequence(const QString &name);
    void stopSequence();
    void editSequence(int index);   // -1: a new one

private:
    void rebuild();
    void applyFilter();
    int selectedMessage() const;
    SendBox *currentSendBox(QString *why) const;
    void showStatus(const QString &text, bool isError = false);
    void onSequenceFinished(int outcome, const QString &reason);
    void updateRunControls();

    SavedStore *m_store;
    std::function<QWidget *()> m_currentPanel;
    SavedBytesFunction m_bytesFor;   // empty: the default above
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLabel *m_status;
    QPushButton *m_undo;
    QComboBox *m_sequences;
    QPushButton *m_run;
    QProgressBar *m_progress;
    SequenceRunner *m_runner;
    QMetaObject::Connection m_feed;
    QPointer<SendBox> m_runBox;
    SavedMessage m_removed;
    int m_removedIndex = -1;
};

} // namespace socketeer::ui
