package dev.docent.insights.report;

import dev.docent.insights.report.Insights.Asked;
import dev.docent.insights.report.Insights.CitedPage;
import dev.docent.insights.report.Insights.CitedSection;
import dev.docent.insights.report.Insights.Day;
import dev.docent.insights.report.Insights.Group;
import dev.docent.insights.report.Insights.Outcomes;
import dev.docent.insights.report.Insights.Page;
import dev.docent.insights.report.Insights.Passage;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insights as aggregates over what was stored when each question was answered:
 * nothing is embedded or clustered here, so the report stays fast however many questions
 * there are. Never-cited pages are read from the knowledge base's pages table (read
 * only): an anti-join there is one query, where asking the module page by page is
 * thousands.
 */
@Service
public class InsightsReport {

    /** A day range in UTC, both ends included, and a document set or all. */
    public record Range(LocalDate from, LocalDate to, UUID documentId) {

        java.sql.Date firstDay() {
            return java.sql.Date.valueOf(from);
        }

        java.sql.Date lastDay() {
            return java.sql.Date.valueOf(to);
        }

        Timestamp start() {
            return Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        Timestamp end() {
            return Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }

    }

    /** Which questions a row of the report stands for. */
    public record Behind(Long cluster, boolean gap, String outcome, String rating, String page, UUID pageDocument) {
    }

    public static final int SHOWN = 20;

    static final int EXAMPLES = 3;

    static final int PASSAGES = 5;

    static final int SECTIONS = 5;

    static final int ASKED = 100;

    static final String GAP = " and (q.outcome = 'NOT_COVERED' or q.rating = 'down')";

    private static final TypeReference<List<Passage>> PASSAGE_LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Pseudonyms pseudonyms;

    InsightsReport(JdbcClient jdbc, JsonMapper json, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.json = json;
        this.pseudonyms = pseudonyms;
    }

    public Insights insights(Range range) {
        Tally tally = tally(range);
        return new Insights(range.from(), range.to(), range.documentId(), tally.perDay(), tally.outcomes(),
                groups(range, true, SHOWN), groups(range, false, SHOWN), citedPages(range, SHOWN),
                neverCited(range, SHOWN * 10));
    }

    public List<Day> questionsPerDay(Range range) {
        return tally(range).perDay();
    }

    public Outcomes outcomes(Range range) {
        return tally(range).outcomes();
    }

    private record Tally(List<Day> perDay, Outcomes outcomes) {
    }

    /** Questions per day and outcomes, from one pass over the index. */
    private Tally tally(Range range) {
        long[] counts = new long[7];
        Map<LocalDate, Long> days = new java.util.TreeMap<>();
        jdbc.sql("select q.asked_day, q.outcome, q.rating, count(*) as n from question_insights q where " + where(range)
                + " group by q.asked_day, q.outcome, q.rating")
            .params(params(range))
            .query((rs, row) -> {
                long n = rs.getLong("n");
                days.merge(rs.getObject("asked_day", LocalDate.class), n, Long::sum);
                counts[0] += n;
                switch (rs.getString("outcome")) {
                    case "ANSWERED" -> counts[1] += n;
                    case "NOT_COVERED" -> counts[2] += n;
                    case "STOPPED" -> counts[5] += n;
                    default -> counts[6] += n;
                }
                String rating = rs.getString("rating");
                if ("up".equals(rating)) {
                    counts[3] += n;
                }
                else if ("down".equals(rating)) {
                    counts[4] += n;
                }
                return n;
            })
            .list();
        return new Tally(days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList(),
                new Outcomes(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]));
    }

    /**
     * Clusters by how many questions they hold: all questions, or only the gaps (not
     * covered or down-voted).
     */
    public List<Group> groups(Range range, boolean gapsOnly, int limit) {
        String condition = where(range) + " and q.cluster_id is not null" + (gapsOnly ? GAP : "");
        record Count(long cluster, long n, long notCovered, long down) {
        }
        List<Count> counts = jdbc
            .sql("""
                    select q.cluster_id, count(*) as n,
                           sum(case when q.outcome = 'NOT_COVERED' then 1 else 0 end) as nc,
                           sum(case when q.rating = 'down' then 1 else 0 end) as down
                    from question_insights q where\s""" + condition
                    + " group by q.cluster_id order by n desc, q.cluster_id limit " + limit)
            .params(params(range))
            .query((rs, row) -> new Count(rs.getLong("cluster_id"), rs.getLong("n"), rs.getLong("nc"),
                    rs.getLong("down")))
            .list();
        if (counts.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", counts.stream().map(c -> Long.toString(c.cluster())).toList());
        Map<Long, String> labels = new HashMap<>();
        jdbc.sql("select id, label from insight_clusters where id in (" + ids + ")")
            .query((rs, row) -> labels.put(rs.getLong("id"), rs.getString("label")))
            .list();
        Map<Long, List<String>> examples = new HashMap<>();
        Map<Long, Map<String, Passage>> passages = new HashMap<>();
        jdbc.sql("""
                select cluster_id, question, passages from (
                  select q.cluster_id, q.question, q.passages,
                         row_number() over (partition by q.cluster_id order by q.asked_at desc) as r
                  from question_insights q where\s""" + condition + " and q.question is not null and q.cluster_id in ("
                + ids + ")) x where r <= " + EXAMPLES + " order by cluster_id, r")
            .params(params(range))
            .query((rs, row) -> {
                long cluster = rs.getLong("cluster_id");
                examples.computeIfAbsent(cluster, c -> new ArrayList<>()).add(rs.getString("question"));
                String stored = rs.getString("passages");
                if (gapsOnly && stored != null) {
                    Map<String, Passage> kept = passages.computeIfAbsent(cluster, c -> new LinkedHashMap<>());
                    for (Passage passage : json.readValue(stored, PASSAGE_LIST)) {
                        if (kept.size() < PASSAGES) {
                            kept.putIfAbsent(passage.url().isEmpty() ? passage.page() : passage.url(), passage);
                        }
                    }
                }
                return cluster;
            })
            .list();
        return counts.stream()
            .map(c -> new Group(c.cluster(), labels.getOrDefault(c.cluster(), ""), c.n(), c.notCovered(), c.down(),
                    examples.getOrDefault(c.cluster(), List.of()),
                    List.copyOf(passages.getOrDefault(c.cluster(), Map.of()).values())))
            .toList();
    }

    public List<CitedPage> citedPages(Range range, int limit) {
        record Top(UUID document, String page, long n) {
        }
        List<Top> top = jdbc
            .sql("select c.document_id, c.page, count(*) as n from insight_citations c where " + whereCited(range)
                    + " group by c.document_id, c.page order by n desc, c.page limit " + limit)
            .params(citedParams(range))
            .query((rs, row) -> new Top(rs.getObject("document_id", UUID.class), rs.getString("page"), rs.getLong("n")))
            .list();
        List<CitedPage> pages = new ArrayList<>();
        for (Top page : top) {
            List<Object> params = new ArrayList<>(List.of(page.document(), page.page(), range.start(), range.end()));
            List<CitedSection> sections = new ArrayList<>();
            String[] title = new String[1];
            jdbc.sql(
                    """
                            select c.section, max(c.url) as url, max(c.document_title) as title, count(*) as n
                            from insight_citations c where c.document_id = ? and c.page = ? and c.asked_at >= ? and c.asked_at < ?
                            group by c.section order by n desc, c.section""")
                .params(params)
                .query((rs, row) -> {
                    title[0] = rs.getString("title");
                    return sections
                        .add(new CitedSection(rs.getString("section"), rs.getString("url"), rs.getLong("n")));
                })
                .list();
            String url = sections.isEmpty() || sections.getFirst().url() == null ? null
                    : sections.getFirst().url().replaceFirst("#.*$", "");
            pages.add(new CitedPage(page.document(), title[0], page.page(), url, page.n(),
                    List.copyOf(sections.subList(0, Math.min(SECTIONS, sections.size())))));
        }
        return pages;
    }

    public List<Page> neverCited(Range range, int limit) {
        var spec = jdbc.sql("""
                select d.id, d.title as document_title, p.path, p.title
                from pages p join documents d on d.id = p.document_id
                where\s""" + (range.documentId() == null ? "1 = 1" : "p.document_id = ?") + """
                 and not exists (select 1 from insight_citations c where c.document_id = p.document_id
                                 and c.page = p.path and c.asked_at >= ? and c.asked_at < ?)
                order by d.title, p.path limit ?""");
        List<Object> params = new ArrayList<>();
        if (range.documentId() != null) {
            params.add(range.documentId());
        }
        params.addAll(List.of(range.start(), range.end(), limit));
        return spec.params(params)
            .query((rs, row) -> new Page(rs.getObject("id", UUID.class), rs.getString("document_title"),
                    rs.getString("path"), rs.getString("title")))
            .list();
    }

    /**
     * The questions behind a row, newest first, each with the conversation it was asked
     * in.
     */
    public List<Asked> asked(Range range, Behind behind) {
        StringBuilder sql = new StringBuilder(
                "select q.chat_id, q.user_id, q.question, q.asked_at, q.outcome, q.rating, q.reason"
                        + " from question_insights q where " + where(range) + " and q.chat_id is not null");
        List<Object> params = new ArrayList<>(params(range));
        if (behind.cluster() != null) {
            sql.append(" and q.cluster_id = ?");
            params.add(behind.cluster());
        }
        if (behind.gap()) {
            sql.append(GAP);
        }
        if (behind.outcome() != null) {
            sql.append(" and q.outcome = ?");
            params.add(behind.outcome());
        }
        if (behind.rating() != null) {
            sql.append(" and q.rating = ?");
            params.add(behind.rating());
        }
        if (behind.page() != null) {
            sql.append(" and exists (select 1 from insight_citations c where c.insight_id = q.id and c.page = ?");
            params.add(behind.page());
            if (behind.pageDocument() != null) {
                sql.append(" and c.document_id = ?");
                params.add(behind.pageDocument());
            }
            sql.append(")");
        }
        sql.append(" order by q.asked_at desc limit ").append(ASKED);
        return jdbc.sql(sql.toString())
            .params(params)
            .query((rs, row) -> new Asked(rs.getObject("chat_id", UUID.class),
                    pseudonyms.of(rs.getObject("user_id", UUID.class)), rs.getString("question"),
                    rs.getTimestamp("asked_at").toInstant(), rs.getString("outcome"), rs.getString("rating"),
                    rs.getString("reason")))
            .list();
    }

    /** Who asked in a chat the insights still keep, if they keep it. */
    public Optional<UUID> asker(UUID chat) {
        return jdbc.sql("select user_id from question_insights where chat_id = ? and user_id is not null limit 1")
            .param(chat)
            .query(UUID.class)
            .optional();
    }

    /**
     * Questions by UTC day: the report's index covers it, with no time-zone arithmetic
     * per row.
     */
    private static String where(Range range) {
        return "q.asked_day >= ? and q.asked_day <= ?" + (range.documentId() == null ? "" : " and q.document_id = ?");
    }

    private static List<Object> params(Range range) {
        List<Object> params = new ArrayList<>(List.of(range.firstDay(), range.lastDay()));
        if (range.documentId() != null) {
            params.add(range.documentId());
        }
        return params;
    }

    private static String whereCited(Range range) {
        return "c.asked_at >= ? and c.asked_at < ?" + (range.documentId() == null ? "" : " and c.document_id = ?");
    }

    private static List<Object> citedParams(Range range) {
        List<Object> params = new ArrayList<>(List.of(range.start(), range.end()));
        if (range.documentId() != null) {
            params.add(range.documentId());
        }
        return params;
    }

}
