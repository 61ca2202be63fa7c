#pragma once
// "Rooms on this network": the chat rooms announced on the local network (core/rooms/
// roomfinder.h), live, with Join. Finding starts only when the user presses Find rooms: listening
// joins multicast groups, which sends reports on the network, so a window never does it unasked.

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace socketeer {
class RoomFinder;
struct Error;
struct FoundRoom;
}

namespace socketeer::ui {

class RoomsFoundList final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomsFoundList)
public:
    explicit RoomsFoundList(QWidget *parent = nullptr);
    ~RoomsFoundList() override;

    RoomFinder *finder() const { return m_finder; }
    QPushButton *findButton() const { return m_find; }
    QPushButton *joinButton() const { return m_join; }
    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QString statusText() const;

    void setFinding(bool on);

signals:
    // Join the selected room (Join, Enter or a double click): its first address, its port.
    void joinRequested(const QString &host, quint16 port, bool tls);

private:
    void onFound(const FoundRoom &room);
    void onChanged(const FoundRoom &room);
    void onLost(const QByteArray &id);
    void onError(const Error &error);
    void joinSelected();
    void updateControls();
    void showCount();
    int rowOf(const QByteArray &id) const;
    void fillRow(int row, const FoundRoom &room);

    RoomFinder *m_finder;
    QPushButton *m_find;
    QPushButton *m_join;
    QLabel *m_status;
    QTreeView *m_view;
    QStandardItemModel *m_model;
};

} // namespace socketeer::ui
