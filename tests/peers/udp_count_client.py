# The tutorial's UDP echo client, made to survive a lossy path: sends N numbered datagrams
# ("0001 ping" ...) to HOST PORT one at a time and waits up to TIMEOUT seconds for each one's echo;
# an echo that does not come is counted lost (the tutorial's client would block in recvfrom()
# forever), a late echo of an earlier one is skipped. Prints "sent N received M".
#   udp_count_client.py HOST PORT N [TIMEOUT]
import socket
import sys

HOST, PORT, COUNT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
TIMEOUT = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

received = 0
with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.settimeout(TIMEOUT)
    for i in range(1, COUNT + 1):
        message = b'%04d ping' % i
        s.sendto(message, (HOST, PORT))
        try:
            while True:
                data, _ = s.recvfrom(65535)
                if data == message:
                    received += 1
                    break
        except socket.timeout:
            pass
print('sent', COUNT, 'received', received, flush=True)
