# A wrong answer to the udp-echo lab: the student decodes each datagram as text and answers in
# GBK (the Windows habit), so Chinese text comes back as other bytes, and binary bytes that are not
# UTF-8 are replaced. Usage: udp_gbk_server.py [PORT] (0: any, printed).
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(65535)
        s.sendto(data.decode('utf8', errors='replace').encode('gbk', errors='replace'), addr)
