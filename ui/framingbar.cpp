#include "framingbar.h"

#include "checksumfields.h"
#include "framingfields.h"
#include "messagelogview.h"
#include "rawchunkview.h"
#include "sendbox.h"

#include "text/checksum.h"
#include "text/framing.h"

#include <QComboBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace socketeer::ui {

FramingBar::FramingBar(MessageLogView *log, SendBox *sendBox, QWidget *parent)
    : QWidget(parent),
      m_log(log),
      m_sendBox(sendBox),
      m_framing(new FramingFields(this)),
      m_checksums(new ChecksumFields(this)),
      m_raw(new RawChunkView(log))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_framing);
    layout->addWidget(m_checksums);
    m_log->addSidePane(m_raw);
    m_raw->setVisible(m_framing->showsRaw());
    m_raw->setHexView(m_log->hexView());
    m_raw->setEncoding(m_log->encoding());
    connect(m_log, &MessageLogView::hexViewChanged, m_raw, &RawChunkView::setHexView);
    connect(m_log, &MessageLogView::encodingChanged, m_raw, &RawChunkView::setEncoding);
    connect(m_framing, &FramingFields::showRawChanged, m_raw, &QWidget::setVisible);
    connect(m_framing, &FramingFields::specChanged, this, &FramingBar::specChanged);
    const auto recalculate = [this] { m_checksums->showValueOf(m_sendBox->currentBytes()); };
    connect(m_sendBox->input(), &QLineEdit::textChanged, this, recalculate);
    // The bytes also change with the send box's mode and line ending (its combo boxes, which it
    // announces no other way) and with the panel's encoding.
    for (QComboBox *choice : m_sendBox->findChildren<QComboBox *>())
        connect(choice, &QComboBox::currentIndexChanged, this, recalculate);
    connect(m_log, &MessageLogView::encodingChanged, this, recalculate);
    recalculate();
}

FramingBar::~FramingBar() = default;

void FramingBar::specChanged()
{
    // A stream half-split under the old framing cannot be split under the new one: start afresh,
    // and say what that cost rather than drop it silently.
    qsizetype held = 0;
    for (const auto &deframer : std::as_const(m_deframers))
        held += deframer->buffered();
    m_deframers.clear();
    if (held > 0)
        m_log->info(tr("framing changed: %n byte(s) of unfinished messages were dropped", nullptr, static_cast<int>(held)));
}

Deframer &FramingBar::deframerFor(quint64 connection)
{
    auto &slot = m_deframers[connection];
    if (!slot) {
        const auto spec = m_framing->spec();
        slot = std::make_shared<Deframer>(spec ? *spec : FrameSpec::none());
    }
    return *slot;
}

LogEntry FramingBar::messageEntry(const QString &peer, const QByteArray &message, bool partial) const
{
    LogEntry entry{0, LogEntry::Direction::Received, peer, message, message.size(), {}, {}, false};
    if (partial) {
        entry.note = tr("incomplete: the connection ended inside this message");
        entry.bad = true;
    } else if (const auto verify = m_checksums->verifySpec(); verify && *verify) {
        const ChecksumVerdict verdict = verifyChecksum(**verify, message);
        entry.note = describeVerdict(**verify, verdict);
        entry.bad = !verdict.ok();
    }
    return entry;
}

bool FramingBar::received(quint64 connection, const QString &peer, const QByteArray &bytes)
{
    if (m_framing->showsRaw())   // also while the panel's tab is in the background
        m_raw->appendChunk(peer, bytes);
    Deframer &deframer = deframerFor(connection);
    if (deframer.spec().kind == FrameKind::None) {
        m_log->append(messageEntry(peer, bytes, false));
        return true;
    }
    bool keep = true;
    for (const FrameItem &item : deframer.push(bytes)) {
        if (item.type == FrameItem::Type::Error) {
            m_log->error(item.errorText(deframer.spec()), peer);
            keep = keep && !item.closes;
        } else {
            m_log->append(messageEntry(peer, item.bytes, item.type == FrameItem::Type::Partial));
        }
    }
    return keep;
}

void FramingBar::ended(quint64 connection, const QString &peer)
{
    const auto found = m_deframers.constFind(connection);
    if (found == m_deframers.cend())
        return;
    const std::shared_ptr<Deframer> deframer = *found;
    m_deframers.erase(found);
    for (const FrameItem &item : deframer->finish())
        m_log->append(messageEntry(peer, item.bytes, true));
}

LogEntry FramingBar::datagramEntry(qint64 timeMs, const QString &peer, const QByteArray &datagram)
{
    if (m_framing->showsRaw())   // also while the panel's tab is in the background
        m_raw->appendChunk(peer, datagram);
    const auto spec = m_framing->spec();
    LogEntry entry;
    if (!spec || spec->kind == FrameKind::None) {
        entry = messageEntry(peer, datagram, false);
    } else if (const auto message = deframeDatagram(*spec, datagram)) {
        entry = messageEntry(peer, *message, false);
    } else {
        // Shown whole, marked with why it is not one message.
        entry = {0, LogEntry::Direction::Received, peer, datagram, datagram.size(), {}, message.error().detail, true};
    }
    entry.timeMs = timeMs;
    return entry;
}

std::optional<QByteArray> FramingBar::outgoing(const QByteArray &message)
{
    QByteArray out = message;
    const auto append = m_checksums->appendSpec();
    if (!append) {
        m_sendBox->showError(tr("Check value: %1").arg(append.error().detail));
        return std::nullopt;
    }
    if (*append)
        out = appendChecksum(**append, out);
    if (m_framing->framesSent()) {
        const auto spec = m_framing->spec();
        if (!spec) {
            m_sendBox->showError(tr("Framing: %1").arg(spec.error().detail));
            return std::nullopt;
        }
        const auto framed = frame(*spec, out);
        if (!framed) {
            // The usual cause: the send box's own line ending, added before the framing's delimiter.
            const bool lineEnding = !spec->delimiter.isEmpty() && m_sendBox->lineEnding() != SendBox::LineEnding::None
                && message.endsWith('\n');
            m_sendBox->showError(lineEnding ? tr("Not sent: the send box's line ending is already a delimiter; choose \"No line ending\", "
                                                 "the framing adds the delimiter")
                                            : tr("Not sent: %1").arg(framed.error().detail));
            return std::nullopt;
        }
        out = *framed;
    }
    return out;
}

} // namespace socketeer::ui
