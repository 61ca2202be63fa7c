#include "timelineview.h"

#include "net/tracefile.h"
#include "net/tracefilewriter.h"
#include "net/tracerecording.h"
#include "timelinedetails.h"
#include "timelinescene.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace socketeer::ui {

using namespace timelinegeometry;

TimelineCanvas::TimelineCanvas(QWidget *parent) : QWidget(parent), m_recording(new TraceRecording(TraceRecording::kDefaultLimit, this))
{
    setObjectName(QStringLiteral("timelineCanvas"));
    setMinimumHeight(kLaneHeight + 2 * kTop);
    // Painting is by column: only what is exposed is drawn, however long the recording.
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_recording, &TraceRecording::changed, this, &TimelineCanvas::recordingChanged);
    connect(m_recording, &TraceRecording::cursorChanged, this, qOverload<>(&QWidget::update));
}

TimelineCanvas::~TimelineCanvas() = default;

QString TimelineCanvas::laneTitle(const QString &thread) { return timelineLaneTitle(thread); }
QString TimelineCanvas::handshakeDetail(const TraceEvent &event) { return timelineHandshakeDetail(event); }

void TimelineCanvas::addEvents(const QList<TraceEvent> &events) { m_recording->append(events); }
void TimelineCanvas::clear() { m_recording->clear(); }
int TimelineCanvas::eventCount() const { return static_cast<int>(m_recording->shownCount()); }
const TraceEvent &TimelineCanvas::event(int index) const { return m_recording->shown(index); }
QStringList TimelineCanvas::lanes() const { return m_recording->shownLanes(); }

void TimelineCanvas::recordingChanged()
{
    m_arrowsDirty = true;
    updateGeometry();
    resize(sizeHint());
    update();
}

const TimelineArrows &TimelineCanvas::cachedArrows() const
{
    if (m_arrowsDirty || !m_arrows) {
        m_arrows = std::make_unique<TimelineArrows>(timelineArrows(*m_recording));
        m_arrowsDirty = false;
    }
    return *m_arrows;
}

QList<QPair<int, int>> TimelineCanvas::arrows() const
{
    QList<QPair<int, int>> pairs;
    for (const auto &[from, to] : cachedArrows().pairs)
        pairs.append({static_cast<int>(from), static_cast<int>(to)});
    return pairs;
}

QSize TimelineCanvas::sizeHint() const
{
    const int dropMark = m_recording->droppedCount() > 0 ? kDropMarkWidth : 0;
    const qint64 width = kLaneTitleWidth + dropMark + (m_recording->shownCount() + 1) * qint64(kColumnWidth);
    return {static_cast<int>(std::min<qint64>(width, QWIDGETSIZE_MAX)),
            kTop * 2 + std::max<int>(1, static_cast<int>(m_recording->shownLanes().size())) * kLaneHeight};
}

QRect TimelineCanvas::callRect(int index) const
{
    const int lane = static_cast<int>(m_recording->shownLanes().indexOf(event(index).thread));
    return timelineBoxRect(index, lane, 0, m_recording->droppedCount() > 0);
}

void TimelineCanvas::paintEvent(QPaintEvent *paint)
{
    // Only the columns in the exposed rectangle (and one each side, for arrows' ends) are built
    // and drawn: the cost of a paint does not grow with the recording.
    // (Within what is visible: a dashed lane line as wide as 100,000 columns costs a dash each.)
    const QRect area = paint->rect() & visibleRegion().boundingRect();
    const bool dropMark = m_recording->droppedCount() > 0;
    const qsizetype count = m_recording->shownCount();
    const qsizetype first = std::max<qsizetype>(0, timelineColumnAt(std::max(area.left(), kLaneTitleWidth + (dropMark ? kDropMarkWidth : 0)), 0, dropMark) - 1);
    const qsizetype last = std::min<qsizetype>(count - 1, timelineColumnAt(area.right(), 0, dropMark) + 1);
    const TimelineScene scene = buildTimelineScene(*m_recording, cachedArrows(), first, last, 0, m_recording->cursor());
    m_paintedCalls = static_cast<int>(scene.boxes.size());
    QPainter painter(this);
    painter.setClipRect(area);
    paintTimelineScene(painter, scene, palette(), area, visibleRegion().boundingRect().left());
}

void TimelineCanvas::mousePressEvent(QMouseEvent *event)
{
    const qsizetype column = timelineColumnAt(event->position().toPoint().x(), 0, m_recording->droppedCount() > 0);
    if (column >= 0 && column < m_recording->shownCount()) {
        m_recording->setCursor(column);
        emit callClicked(static_cast<int>(column));
    }
    QWidget::mousePressEvent(event);
}

TimelineScene TimelineCanvas::exportScene() const
{
    // For slides: the whole shown recording, or, past kMaxExportCalls (a picture nobody could
    // read), that many around the selected call. The filters are how to choose what goes in.
    const qsizetype count = m_recording->shownCount();
    qsizetype first = 0, last = count - 1;
    if (count > kMaxExportCalls) {
        const qsizetype centre = m_recording->cursor() >= 0 ? m_recording->cursor() : count - 1;
        first = std::clamp<qsizetype>(centre - kMaxExportCalls / 2, 0, count - kMaxExportCalls);
        last = first + kMaxExportCalls - 1;
    }
    return buildTimelineScene(*m_recording, cachedArrows(), first, last, first, m_recording->cursor());
}

// ── The view ────────────────────────────────────────────────────────────────────────────────

const QList<double> TimelineView::kSpeeds = {0.5, 1, 2, 5, 10, 20};

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent), m_canvas(new TimelineCanvas), m_scroll(new QScrollArea), m_hint(new QLabel(this)), m_status(new QLabel(this)),
      m_details(new QPlainTextEdit), m_playTimer(new QTimer(this)), m_writer(new TraceFileWriter(this))
{
    setObjectName(QStringLiteral("timelineView"));
    m_scroll->setWidget(m_canvas);
    // Scrolling blits the old pixels across, lane titles with them: repaint so they stay put.
    connect(m_scroll->horizontalScrollBar(), &QScrollBar::valueChanged, m_canvas, qOverload<>(&QWidget::update));
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_hint->setText(tr("Each lane is a thread; each box one socket call with its result. Arrows join a send() to the recv() that got its bytes "
                       "(over TLS, an SSL_write() of the text to the SSL_read() that got it)."));
    m_hint->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("timelineStatus"));
    m_details->setObjectName(QStringLiteral("timelineDetails"));
    m_details->setToolTip(tr("Everything about the selected call: its arguments, result and bytes"));
    m_details->setAccessibleName(tr("Call details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Click a call, or step with ← and →, to see its arguments, result, errno and bytes."));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_hint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    buildControls();
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    m_playTimer->setObjectName(QStringLiteral("timelinePlayTimer"));
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        if (!recording()->stepForward())
            stopPlaying();
    });
    connect(recording(), &TraceRecording::cursorChanged, this, &TimelineView::showCursor);
    connect(recording(), &TraceRecording::changed, this, &TimelineView::updateStatus);
    connect(m_canvas, &TimelineCanvas::callClicked, this, [this] { setFollowing(false); });
    connect(m_writer, &TraceFileWriter::finished, this, [this](const QString &path, const QString &error) {
        m_saveState = error.isEmpty() ? tr("saved %1").arg(QFileInfo(path).fileName()) : QString();
        updateStatus();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save timeline"), error);
    });
    setSpeed(m_speed);
    updateStatus();
}

TimelineView::~TimelineView() = default;

TraceRecording *TimelineView::recording() const { return m_canvas->recording(); }

void TimelineView::buildControls()
{
    const auto button = [this](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        return b;
    };
    m_pause = button(tr("&Pause"), "timelinePause", tr("Stop following new calls; they are still recorded"));
    m_pause->setCheckable(true);
    auto *back = button(tr("◀ Back"), "timelineBack", tr("The call before (←)"));
    auto *forward = button(tr("Forward ▶"), "timelineForward", tr("The call after (→)"));
    m_play = button(tr("Play"), "timelinePlay", tr("Step forward at the chosen speed (Space)"));
    m_play->setCheckable(true);
    m_speedBox = new QComboBox(this);
    m_speedBox->setObjectName(QStringLiteral("timelineSpeed"));
    m_speedBox->setToolTip(tr("Calls per second while playing: a steady pace, however long the pauses in the recording were"));
    for (double speed : kSpeeds)
        m_speedBox->addItem(tr("%1 calls/s").arg(QLocale().toString(speed)), speed);
    m_time = new QTimeEdit(this);
    m_time->setObjectName(QStringLiteral("timelineTime"));
    m_time->setAccessibleName(tr("Go to time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm:ss.zzz"));
    m_time->setToolTip(tr("Jump to the first call at or after this time"));
    auto *go = button(tr("Go"), "timelineGo", tr("Jump to the time"));
    m_lanesButton = new QToolButton(this);
    m_lanesButton->setObjectName(QStringLiteral("timelineLanes"));
    m_lanesButton->setToolTip(tr("Show or hide lanes (threads and sockets)"));
    m_lanesButton->setText(tr("Lanes"));
    m_lanesButton->setPopupMode(QToolButton::InstantPopup);
    m_callsButton = new QToolButton(this);
    m_callsButton->setObjectName(QStringLiteral("timelineCalls"));
    m_callsButton->setToolTip(tr("Show or hide kinds of calls"));
    m_callsButton->setText(tr("Calls"));
    m_callsButton->setPopupMode(QToolButton::InstantPopup);
    // The menus are made when opened, from what the recording holds then.
    const auto filterMenu = [this](QToolButton *owner, bool lanes) {
        auto *menu = new QMenu(owner);
        connect(menu, &QMenu::aboutToShow, this, [this, menu, lanes] {
            menu->clear();
            const QStringList names = lanes ? recording()->lanes() : recording()->calls();
            for (const QString &name : names) {
                QAction *action = menu->addAction(lanes ? TimelineCanvas::laneTitle(name) : name + QStringLiteral("()"));
                action->setCheckable(true);
                action->setChecked(lanes ? recording()->isLaneShown(name) : recording()->isCallShown(name));
                connect(action, &QAction::toggled, this, [this, name, lanes](bool shown) {
                    if (lanes)
                        recording()->setLaneShown(name, shown);
                    else
                        recording()->setCallShown(name, shown);
                });
            }
        });
        owner->setMenu(menu);
    };
    filterMenu(m_lanesButton, true);
    filterMenu(m_callsButton, false);
    auto *file = new QToolButton(this);
    file->setObjectName(QStringLiteral("timelineFile"));
    file->setToolTip(tr("Open, save or export the timeline"));
    file->setText(tr("File"));
    file->setPopupMode(QToolButton::InstantPopup);
    auto *fileMenu = new QMenu(file);
    fileMenu->addAction(tr("Save timeline…"), this, &TimelineView::chooseAndSave);
    fileMenu->addAction(tr("Open timeline…"), this, &TimelineView::chooseAndOpen);
    fileMenu->addAction(tr("Export as SVG…"), this, [this] { chooseAndExport(true); });
    fileMenu->addAction(tr("Export as PNG…"), this, [this] { chooseAndExport(false); });
    file->setMenu(fileMenu);
    auto *clear = button(tr("Cl&ear"), "timelineClear", tr("Forget the recorded calls"));

    auto *bar = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_pause, back, forward, m_play, m_speedBox, m_time, go, m_lanesButton, m_callsButton, file, clear})
        bar->addWidget(w);
    bar->addStretch(1);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);

    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        if (!paused && isShowingFile()) {
            // Back to live from a file: the file's calls are another process's, so they go.
            m_openedFile.clear();
            recording()->clear();
        }
        if (!paused)
            stopPlaying();
        updateStatus();
    });
    connect(back, &QPushButton::clicked, this, &TimelineView::stepBack);
    connect(forward, &QPushButton::clicked, this, &TimelineView::stepForward);
    connect(m_play, &QPushButton::toggled, this, [this](bool on) { on ? play() : stopPlaying(); });
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this](int index) { setSpeed(m_speedBox->itemData(index).toDouble()); });
    connect(go, &QPushButton::clicked, this, &TimelineView::jumpToChosenTime);
    connect(clear, &QPushButton::clicked, this, &TimelineView::clear);
    // The keys of a player; over the whole view, so they work wherever the focus is in it.
    const auto shortcut = [this](QKeySequence key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Right), &TimelineView::stepForward);
    shortcut(QKeySequence(Qt::Key_Left), &TimelineView::stepBack);
    shortcut(QKeySequence(Qt::Key_Space), [this] { isPlaying() ? stopPlaying() : play(); });
    shortcut(QKeySequence(Qt::Key_Home), [this] { setFollowing(false); recording()->setCursor(0); });
    shortcut(QKeySequence(Qt::Key_End), [this] { setFollowing(false); recording()->setCursor(recording()->shownCount() - 1); });
}

bool TimelineView::isFollowing() const { return !m_pause->isChecked(); }

void TimelineView::setFollowing(bool follow) { m_pause->setChecked(!follow); }

void TimelineView::setSpeed(double callsPerSecond)
{
    m_speed = std::clamp(callsPerSecond, kSpeeds.first(), kSpeeds.last());
    m_playTimer->setInterval(static_cast<int>(1000 / m_speed));
    const int index = m_speedBox->findData(m_speed);
    if (index >= 0 && index != m_speedBox->currentIndex())
        m_speedBox->setCurrentIndex(index);
}

void TimelineView::play()
{
    setFollowing(false);
    // From the start when nothing is selected or the end was reached: play means "show me again".
    const qsizetype at = recording()->cursor();
    if (at < 0 || at + 1 >= recording()->shownCount())
        recording()->setCursor(0);
    m_playTimer->start();
    const QSignalBlocker block(m_play);
    m_play->setChecked(true);
    m_play->setText(tr("Stop"));
}

void TimelineView::stopPlaying()
{
    m_playTimer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(false);
    m_play->setText(tr("Play"));
}

bool TimelineView::isPlaying() const { return m_playTimer->isActive(); }

void TimelineView::stepForward()
{
    setFollowing(false);
    recording()->stepForward();
}

void TimelineView::stepBack()
{
    setFollowing(false);
    recording()->stepBack();
}

void TimelineView::jumpToTime(qint64 timeUs)
{
    setFollowing(false);
    const qsizetype at = recording()->shownIndexAtTime(timeUs);
    recording()->setCursor(std::min(at, recording()->shownCount() - 1));
}

void TimelineView::jumpToChosenTime()
{
    if (recording()->shownCount() == 0)
        return;
    // The time box has no date: the day of the selected call, else of the first.
    const qsizetype at = std::max<qsizetype>(0, recording()->cursor());
    const QDate day = QDateTime::fromMSecsSinceEpoch(recording()->shown(at).timeUs / 1000).date();
    jumpToTime(QDateTime(day, m_time->time()).toMSecsSinceEpoch() * 1000);
}

QString TimelineView::detailsText() const { return m_details->toPlainText(); }

void TimelineView::showCursor()
{
    const qsizetype at = recording()->cursor();
    if (at < 0) {
        m_details->clear();
        updateStatus();
        return;
    }
    const TraceEvent &event = recording()->shown(at);
    m_details->setPlainText(timelineDetailsText(event));
    const QRect box = m_canvas->callRect(static_cast<int>(at));
    m_scroll->ensureVisible(box.center().x(), box.center().y(), box.width() + kLaneTitleWidth, box.height());
    {
        const QSignalBlocker block(m_time);
        m_time->setTime(QDateTime::fromMSecsSinceEpoch(event.timeUs / 1000).time());
    }
    updateStatus();
}

void TimelineView::updateStatus()
{
    QStringList parts;
    const qsizetype count = recording()->shownCount();
    const qsizetype at = recording()->cursor();
    if (at >= 0)
        parts << tr("Call %1 of %2").arg(at + 1).arg(count);
    else
        parts << tr("%n call(s)", nullptr, static_cast<int>(count));
    if (recording()->size() != count)
        parts << tr("%n hidden by the filters", nullptr, static_cast<int>(recording()->size() - count));
    if (recording()->droppedCount() > 0)
        parts << tr("%n older call(s) dropped", nullptr, static_cast<int>(std::min<qint64>(recording()->droppedCount(), INT_MAX)));
    if (isShowingFile())
        parts << tr("showing %1 (Pause off or Clear to record again)").arg(QFileInfo(m_openedFile).fileName());
    else if (!isFollowing())
        parts << tr("paused: new calls are recorded but not followed");
    if (!m_saveState.isEmpty())
        parts << m_saveState;
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void TimelineView::clear()
{
    m_openedFile.clear();
    recording()->clear();
}

void TimelineView::setFedByOwner(bool fed)
{
    m_fedByOwner = fed;
    setRecording(!fed && isVisible());
}

void TimelineView::addLiveEvents(const QList<TraceEvent> &events)
{
    // While a file is shown, live calls would mix another process's order into it.
    if (isShowingFile())
        return;
    recording()->append(events);
    if (isFollowing())
        m_scroll->horizontalScrollBar()->setValue(m_scroll->horizontalScrollBar()->maximum());
}

void TimelineView::setRecording(bool on)
{
    if (on == isRecording())
        return;
    if (!on) {
        delete m_recorder;
        m_recorder = nullptr;
        return;
    }
    m_recorder = new TraceRecorder(this);
    connect(m_recorder, &TraceRecorder::eventsRecorded, this, &TimelineView::addLiveEvents);
}

bool TimelineView::saveTo(const QString &path, QString *error)
{
    TraceFile file;
    file.appVersion = QCoreApplication::applicationVersion();
    file.dropped = recording()->droppedCount();
    file.events = recording()->events();
    const auto written = writeTraceFile(path, file);
    if (!written && error)
        *error = written.error().message();
    return written.ok();
}

bool TimelineView::saveInBackground(const QString &path, QString *error)
{
    TraceFile file;
    file.appVersion = QCoreApplication::applicationVersion();
    file.dropped = recording()->droppedCount();
    file.events = recording()->events();
    if (!m_writer->start(path, std::move(file))) {
        if (error)
            *error = tr("The timeline is still being saved: try again when it is done.");
        return false;
    }
    m_saveState = tr("saving %1…").arg(QFileInfo(path).fileName());
    updateStatus();
    return true;
}

bool TimelineView::openFrom(const QString &path, QString *error)
{
    auto file = readTraceFile(path);
    if (!file) {
        if (error)
            *error = file.error().message();
        return false;
    }
    stopPlaying();
    m_openedFile = path;
    setFollowing(false);
    recording()->reset(std::move(file->events), file->dropped);
    recording()->setCursor(0);
    updateStatus();
    return true;
}

bool TimelineView::exportSvg(const QString &path, QString *error)
{
    const TimelineScene scene = m_canvas->exportScene();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !writeTimelineSvg(&file, scene, tr("Socket calls")) || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool TimelineView::exportPng(const QString &path, QString *error)
{
    const TimelineScene scene = m_canvas->exportScene();
    // Twice the pixels at least: it goes on slides shown by projectors and on 200 % screens, where
    // a 1× picture is blurred. The painting stays in the scene's own units.
    const qreal ratio = std::max<qreal>(2.0, devicePixelRatioF());
    QImage image(scene.size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setFont(m_canvas->font());
        paintTimelineScene(painter, scene, m_canvas->palette(), QRect(QPoint(0, 0), scene.size), 0);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void TimelineView::chooseAndSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save timeline"), QStringLiteral("timeline.json"), tr("Timelines (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveInBackground(path, &error))
        QMessageBox::warning(this, tr("Save timeline"), error);
}

void TimelineView::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open timeline"), QString(), tr("Timelines (*.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !openFrom(path, &error))
        QMessageBox::warning(this, tr("Open timeline"), error);
}

void TimelineView::chooseAndExport(bool svg)
{
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export as SVG") : tr("Export as PNG"),
                                                      svg ? QStringLiteral("timeline.svg") : QStringLiteral("timeline.png"),
                                                      svg ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(svg ? exportSvg(path, &error) : exportPng(path, &error)))
        QMessageBox::warning(this, svg ? tr("Export as SVG") : tr("Export as PNG"), error);
}

void TimelineView::showEvent(QShowEvent *event)
{
    if (!m_fedByOwner)
        setRecording(true);
    QWidget::showEvent(event);
}

void TimelineView::hideEvent(QHideEvent *event)
{
    setRecording(false);
    QWidget::hideEvent(event);
}

} // namespace socketeer::ui
