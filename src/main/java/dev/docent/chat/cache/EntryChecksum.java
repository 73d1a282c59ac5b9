package dev.docent.chat.cache;

import java.util.zip.CRC32C;

/**
 * A checksum stored beside each cached chat body: an entry whose bytes no longer match it
 * is unreadable, so it is a miss. Far cheaper on the hot path than re-parsing the JSON.
 */
final class EntryChecksum {

    private EntryChecksum() {
    }

    static long of(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    static boolean matches(byte[] body, long expected) {
        return of(body) == expected;
    }

}
