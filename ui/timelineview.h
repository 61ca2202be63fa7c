#pragma once
// The classroom picture: the socket calls each thread makes, drawn live as lanes from the core's
// trace, with arrows where one side's send() is the other side's recv() — the tutorial's TCP flow
// figure, but of what is really happening. A student can point at "accept() returned here", pause,
// step through the calls one by one with their bytes, and hand the recording in as a file.

#include "net/trace.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTimeEdit;
class QTimer;
class QToolButton;

namespace socketeer {
class TraceFileWriter;
class TraceRecording;
}

namespace socketeer::ui {

struct TimelineArrows;
struct TimelineScene;

// Draws a TraceRecording (its own) as lanes: only the columns in view are painted, so 100,000
// calls scroll as smoothly as ten.
class TimelineCanvas final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineCanvas)
public:
    explicit TimelineCanvas(QWidget *parent = nullptr);
    ~TimelineCanvas() override;

    TraceRecording *recording() const { return m_recording; }
    void addEvents(const QList<TraceEvent> &events);
    void clear();
    // The shown calls (after the filters), in order.
    int eventCount() const;
    const TraceEvent &event(int index) const;
    QStringList lanes() const;
    // Pairs (index of send, index of recv) drawn as arrows.
    QList<QPair<int, int>> arrows() const;
    QSize sizeHint() const override;
    QRect callRect(int index) const;          // where shown call `index` is drawn
    int paintedCalls() const { return m_paintedCalls; }   // boxes drawn by the last paint

    // The whole shown recording, or at most kMaxExportCalls of it around the selected call, as
    // an export draws it.
    static constexpr int kMaxExportCalls = 400;
    TimelineScene exportScene() const;

    static QString laneTitle(const QString &thread);
    // What a TLS handshake box says under its title: the version once done, else how it stands.
    static QString handshakeDetail(const TraceEvent &event);

signals:
    void callClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    const TimelineArrows &cachedArrows() const;
    void recordingChanged();

    TraceRecording *m_recording;
    mutable std::unique_ptr<TimelineArrows> m_arrows;
    mutable bool m_arrowsDirty = true;
    int m_paintedCalls = 0;
};

class TimelineView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    TimelineCanvas *canvas() const { return m_canvas; }
    TraceRecording *recording() const;
    // Recording costs a little per call, so it runs only while the view is shown or asked for.
    void setRecording(bool on);
    bool isRecording() const { return m_recorder != nullptr; }
    // Fed by its owner instead (the Labs dock: only its run's calls, from a recorder it keeps
    // while the run goes on): the view then never records on its own, shown or not.
    void setFedByOwner(bool fed);
    void addLiveEvents(const QList<TraceEvent> &events);   // as recorded calls come
    void clear();                                          // forget every call (Clear)

    // Following: new calls scroll into view. Paused: they are still recorded (in the bounded
    // ring) but the picture and the selection stay where the reader is.
    bool isFollowing() const;
    void setFollowing(bool follow);
    // Play steps forward at a steady number of calls per second from the selected call.
    static const QList<double> kSpeeds;
    void setSpeed(double callsPerSecond);
    double speed() const { return m_speed; }
    void play();
    void stopPlaying();
    bool isPlaying() const;
    void stepForward();
    void stepBack();
    void jumpToTime(qint64 timeUs);
    QString detailsText() const;

    // A recording as a file (docs/TIMELINE.md) and as pictures. On failure, false and a sentence.
    bool saveTo(const QString &path, QString *error);
    // The same on a thread of its own (what File → Save does): the window stays live while 100,000
    // calls are written. False, with the reason, while another save is under way.
    bool saveInBackground(const QString &path, QString *error);
    TraceFileWriter *fileWriter() const { return m_writer; }
    bool openFrom(const QString &path, QString *error);
    bool exportSvg(const QString &path, QString *error);
    bool exportPng(const QString &path, QString *error);
    bool isShowingFile() const { return !m_openedFile.isEmpty(); }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildControls();
    void showCursor();
    void updateStatus();
    void chooseAndSave();
    void chooseAndOpen();
    void chooseAndExport(bool svg);
    void jumpToChosenTime();

    TimelineCanvas *m_canvas;
    QScrollArea *m_scroll;
    QLabel *m_hint;
    QLabel *m_status;
    QPlainTextEdit *m_details;
    QPushButton *m_pause = nullptr;
    QPushButton *m_play = nullptr;
    QComboBox *m_speedBox = nullptr;
    QTimeEdit *m_time = nullptr;
    QToolButton *m_lanesButton = nullptr;
    QToolButton *m_callsButton = nullptr;
    QTimer *m_playTimer;
    QString m_openedFile;   // the file shown, while one is: live calls wait until Clear
    TraceFileWriter *m_writer;
    QString m_saveState;    // "saving x.json…", "saved x.json", for the status line
    double m_speed = 2.0;
    bool m_fedByOwner = false;
    TraceRecorder *m_recorder = nullptr;
};

} // namespace socketeer::ui
