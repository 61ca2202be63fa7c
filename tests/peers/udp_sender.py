# A UDP sender: for each line "HOST PORT HEX" on stdin, sends those bytes to HOST:PORT (broadcast
# addresses allowed; an IPv6 HOST may name its interface, "ff12::1%eth0") and prints
# "sent SRCHOST SRCPORT N", the address the kernel sent them from. One socket per address family,
# so every datagram of a family leaves from the same port.
import socket
import sys

sockets = {}
print('ready', flush=True)
for line in sys.stdin:
    host, port, data = line.split(' ')
    family = socket.AF_INET6 if ':' in host else socket.AF_INET
    if family not in sockets:
        sockets[family] = socket.socket(family, socket.SOCK_DGRAM)
        sockets[family].setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s = sockets[family]
    # getaddrinfo reads the "%interface" of an IPv6 host into the address's scope.
    s.connect(socket.getaddrinfo(host, int(port), family, socket.SOCK_DGRAM)[0][4])   # fixes the source, to print it
    sent = s.send(bytes.fromhex(data.strip()))
    source = s.getsockname()
    print('sent', source[0], source[1], sent, flush=True)
