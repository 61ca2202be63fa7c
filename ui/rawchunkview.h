#pragma once
// The pieces a connection delivered, as they were read, beside the framed messages: where the
// boundaries of recv() fall has nothing to do with where messages end ("TCP is a stream").

#include "messagelogmodel.h"

#include <QWidget>

class QTableView;

namespace socketeer::ui {

class RawChunkView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawChunkView)
public:
    explicit RawChunkView(QWidget *parent = nullptr);

    MessageLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // One row per piece, with its size.
    void appendChunk(const QString &peer, const QByteArray &bytes);
    void setHexView(bool hex) { m_model->setHexView(hex); }
    void setEncoding(TextEncoding encoding) { m_model->setEncoding(encoding); }
    void clear() { m_model->clear(); }

private:
    MessageLogModel *m_model;
    QTableView *m_table;
};

} // namespace socketeer::ui
