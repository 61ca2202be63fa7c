# Listens for chat-room announcements the way a student would after reading docs/CHAT.md ("Rooms
# on the network"): a UDP socket on the discovery port, joined to the discovery group on one
# interface. Usage: FAMILY INTERFACE [PORT]  (FAMILY 4 or 6; PORT 50077 unless given).
# Prints "ready" once joined, then for each datagram "from HOST to DESTINATION HEX": the sender,
# the address the datagram was sent to (IP_PKTINFO: a broadcast address or a group), the payload.
import socket
import struct
import sys

# Python's socket module does not name it on every version; Linux's value (<linux/in.h>).
IP_PKTINFO = getattr(socket, 'IP_PKTINFO', 8)

FAMILY, INTERFACE = sys.argv[1], sys.argv[2]
PORT = int(sys.argv[3]) if len(sys.argv) > 3 else 50077
index = socket.if_nametoindex(INTERFACE)

if FAMILY == '4':
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
    s.bind(('0.0.0.0', PORT))   # the any address: broadcasts arrive too
    request = struct.pack('4s4si', socket.inet_aton('239.255.50.77'), socket.inet_aton('0.0.0.0'), index)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, request)
else:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVPKTINFO, 1)
    s.bind(('::', PORT))
    request = socket.inet_pton(socket.AF_INET6, 'ff02::50:77') + struct.pack('@I', index)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, request)
print('ready', flush=True)
while True:
    data, ancillary, flags, sender = s.recvmsg(65536, 256)
    destination = '?'
    for level, kind, value in ancillary:
        if FAMILY == '4' and kind == IP_PKTINFO:
            # struct in_pktinfo { int ifindex; in_addr spec_dst; in_addr addr; }: addr is the header's destination
            destination = socket.inet_ntop(socket.AF_INET, value[8:12])
        elif FAMILY == '6' and kind == socket.IPV6_PKTINFO:
            destination = socket.inet_ntop(socket.AF_INET6, value[:16])   # struct in6_pktinfo { in6_addr; int ifindex; }
    print('from', sender[0], 'to', destination, data.hex(), flush=True)
