#pragma once
// A panel's counters — bytes and messages in and out, the current rates — and a small graph of the
// last minute's throughput. The counts are exact; only the graph samples.

#include <QWidget>

#include <array>

class QLabel;
class QTimer;

namespace socketeer::ui {

class ThroughputGraph final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputGraph)
public:
    static constexpr int kSamples = 120;
    explicit ThroughputGraph(QWidget *parent = nullptr);
    void addSample(double inPerSecond, double outPerSecond);
    QSize sizeHint() const override { return {160, 36}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::array<double, kSamples> m_in{};
    std::array<double, kSamples> m_out{};
    int m_next = 0;
    int m_filled = 0;
};

class TrafficCounters final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficCounters)
public:
    explicit TrafficCounters(QWidget *parent = nullptr);

    void countIn(qint64 bytes, qint64 messages = 1);
    void countOut(qint64 bytes, qint64 messages = 1);
    void reset();

    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    qint64 messagesIn() const { return m_messagesIn; }
    qint64 messagesOut() const { return m_messagesOut; }

    static QString formatBytes(qint64 bytes);
    static QString formatRate(double bytesPerSecond);

signals:
    void changed();

private:
    void sample();
    void updateLabels();

    qint64 m_bytesIn = 0, m_bytesOut = 0, m_messagesIn = 0, m_messagesOut = 0;
    qint64 m_lastIn = 0, m_lastOut = 0;
    double m_rateIn = 0, m_rateOut = 0;
    qint64 m_lastSampleMs = 0;
    QLabel *m_label;
    ThroughputGraph *m_graph;
    QTimer *m_timer;
};

} // namespace socketeer::ui
