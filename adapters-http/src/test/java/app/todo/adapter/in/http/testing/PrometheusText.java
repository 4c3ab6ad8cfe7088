package app.todo.adapter.in.http.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a {@code /metrics} answer in the Prometheus text format, for assertions by metric name
 * and labels. Label values may hold braces (route templates do), so a line is split at its first
 * {@code {} and its last {@code }}. Ships in the test-jar for the end-to-end tests too.
 */
public final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1));
            int open = series.indexOf('{');
            Map<String, String> labels = new LinkedHashMap<>();
            if (open >= 0) {
                Matcher m = LABEL.matcher(series.substring(open + 1, series.lastIndexOf('}')));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            samples.add(new Sample(open >= 0 ? series.substring(0, open) : series, labels, value));
        }
        return new PrometheusText(samples);
    }

    /** Every sample of that name whose labels include {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.has(labels)).toList();
    }

    /** The one sample of that name with those labels; fails when there is none or more than one. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() != 1) {
            throw new AssertionError("expected one sample " + name + labels + ", found " + found);
        }
        return found.getFirst().value();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name.equals(name));
    }
}
