package dev.docent.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile upload files made on the spot: odd zips and a PDF nested too deeply for a
 * recursive parser.
 */
public final class Zips {

    private static final int CENTRAL_HEADER = 0x02014b50;

    private static final int UNIX_SYMLINK = 0120777;

    private Zips() {
    }

    /** Name, content, name, content… in the order given. */
    public static Map<String, byte[]> entries(Object... nameThenContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            entries.put((String) nameThenContent[i], (byte[]) nameThenContent[i + 1]);
        }
        return entries;
    }

    /** A zip of deflated entries, in the map's order. */
    public static byte[] of(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip of text entries (UTF-8), in the map's order. */
    public static byte[] ofText(Map<String, String> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return of(bytes);
    }

    /**
     * Marks the entry as a Unix symbolic link (its content is the target), as
     * {@code zip --symlinks} stores one.
     */
    public static byte[] symlink(byte[] zip, String entry) {
        ByteBuffer buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (buffer.getInt(at) == CENTRAL_HEADER) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
                String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals(entry)) {
                    buffer.putShort(at + 4, (short) (3 << 8 | 20)); // made by Unix,
                                                                    // version 2.0
                    buffer.putInt(at + 38, UNIX_SYMLINK << 16);
                    return buffer.array();
                }
            }
        }
        throw new IllegalArgumentException("no entry " + entry);
    }

    /** A one-page PDF whose page dictionary holds an array nested {@code depth} deep. */
    public static byte[] deeplyNestedPdf(int depth) {
        String stream = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> /Deep "
                        + "[".repeat(depth) + "]".repeat(depth) + " >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ")
            .append(objects.size() + 1)
            .append(" /Root 1 0 R >>\nstartxref\n")
            .append(xref)
            .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

}
