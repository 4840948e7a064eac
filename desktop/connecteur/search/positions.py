"""A fix for whoosh-ng 5.4.0's reading of word positions.

``whoosh.formats.Positions.decode_positions`` tells its current varint encoding from
an older pickle encoding by checking whether the bytes end with ``b"."``. A varint
whose last byte is 0x2E ends that way too: any word that comes back 46 words after
its previous occurrence (or 5,888–6,015 words after) is then unpickled, and every
phrase query touching it fails (``UnpicklingError``). The library's session
introductions are long enough for that to happen, and synthetic libraries hit it at
once. Our indexes are always written by the current encoder, so the fix reads the
varint encoding only.
"""

from __future__ import annotations

import struct

from whoosh import formats

_COUNT = struct.Struct("!I")


class VarintPositions(formats.Positions):
    """``Positions`` that never mistakes a position list for a pickle."""

    def decode_positions(self, valuestring: bytes) -> list[int]:
        (count,) = _COUNT.unpack_from(valuestring)
        positions: list[int] = []
        index, position = _COUNT.size, 0
        for _ in range(count):
            byte = valuestring[index]
            index += 1
            delta, shift = byte & 0x7F, 7
            while byte & 0x80:
                byte = valuestring[index]
                index += 1
                delta |= (byte & 0x7F) << shift
                shift += 7
            position += delta
            positions.append(position)
        return positions


def with_safe_positions(field):
    """The TEXT field with its Positions format replaced by VarintPositions."""
    if type(field.format) is formats.Positions:
        field.format = VarintPositions(field_boost=field.format.field_boost)
    return field
