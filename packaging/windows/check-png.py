#!/usr/bin/env python3
"""check-png.py FILE.png: exits 0 when FILE is a PNG picture with something drawn in it.

A window that failed to draw comes out as one flat colour. Without an imaging library, the
test is on the decoded rows: with PNG's per-row filters, a flat picture is almost all zero
bytes, a window full of text and lines is not.
"""
import struct
import sys
import zlib


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{sys.argv[1]}: not a PNG file")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    nonzero = sum(1 for b in raw if b) / max(len(raw), 1)
    distinct = len(set(raw))
    print(f"{sys.argv[1]}: {width}x{height}, {nonzero:.1%} non-zero filtered bytes, "
          f"{distinct} distinct byte values")
    if width < 400 or height < 300 or nonzero < 0.01 or distinct < 16:
        sys.exit(f"{sys.argv[1]}: looks blank")


if __name__ == "__main__":
    main()
