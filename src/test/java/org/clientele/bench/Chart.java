package org.clientele.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Draws throughput against concurrency, one panel per scenario, as a PNG (headless AWT). */
final class Chart {
    private static final int PANEL_W = 360;
    private static final int PANEL_H = 240;
    private static final int COLUMNS = 4;

    private Chart() {
    }

    static void write(List<StepResult> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<StepResult>> byScenario = new LinkedHashMap<>();
        for (StepResult r : results) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        int rows = Math.max(1, (byScenario.size() + COLUMNS - 1) / COLUMNS);
        BufferedImage image = new BufferedImage(PANEL_W * COLUMNS, PANEL_H * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int i = 0;
        for (Map.Entry<String, List<StepResult>> entry : byScenario.entrySet()) {
            panel(g, (i % COLUMNS) * PANEL_W, (i / COLUMNS) * PANEL_H, entry.getKey(), entry.getValue());
            i++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Records/s where a call carries many records, calls/s otherwise; one bar per concurrency. */
    private static void panel(Graphics2D g, int x, int y, String scenario, List<StepResult> steps) {
        boolean records = !scenario.equals("ping") && !scenario.endsWith("-1");
        double max = steps.stream().mapToDouble(s -> records ? s.recordsPerSecond() : s.callsPerSecond()).max().orElse(1);
        int left = x + 50, bottom = y + PANEL_H - 30, height = PANEL_H - 80, width = PANEL_W - 70;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(scenario + (records ? " (records/s)" : " (calls/s)"), x + 10, y + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, left + width, bottom);
        g.drawLine(left, bottom, left, bottom - height);
        g.drawString(String.format(Locale.ROOT, "%.0f", max), x + 4, bottom - height + 4);
        g.drawString("0", x + 30, bottom);
        int slot = width / Math.max(1, steps.size());
        for (int k = 0; k < steps.size(); k++) {
            StepResult s = steps.get(k);
            double value = records ? s.recordsPerSecond() : s.callsPerSecond();
            int h = max > 0 ? (int) Math.round(value / max * height) : 0;
            int bx = left + k * slot + slot / 4;
            g.setColor(s.errors() > 0 ? new Color(200, 60, 60) : new Color(70, 120, 190));
            g.fillRect(bx, bottom - h, slot / 2, h);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", value), bx, bottom - h - 3);
            g.drawString(s.clients() + " cl.", bx, bottom + 14);
        }
    }

    /** p99 at the smallest (light) and the largest (dark) data-set size, per concurrency, one panel per growth scenario. */
    static void writeGrowth(List<Targets.Growth> growth, Path file) throws IOException {
        if (growth.isEmpty()) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Targets.Growth>> byScenario = new LinkedHashMap<>();
        for (Targets.Growth r : growth) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        int rows = Math.max(1, (byScenario.size() + COLUMNS - 1) / COLUMNS);
        BufferedImage image = new BufferedImage(PANEL_W * COLUMNS, PANEL_H * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int i = 0;
        for (Map.Entry<String, List<Targets.Growth>> entry : byScenario.entrySet()) {
            int x = (i % COLUMNS) * PANEL_W;
            int y = (i / COLUMNS) * PANEL_H;
            List<Targets.Growth> steps = entry.getValue();
            double max = steps.stream().mapToDouble(s -> Math.max(s.p99Small(), s.p99Large())).max().orElse(1);
            int left = x + 50, bottom = y + PANEL_H - 30, height = PANEL_H - 80, width = PANEL_W - 70;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(entry.getKey() + " p99 ms", x + 10, y + 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "light %,d / dark %,d customers", steps.get(0).small(), steps.get(0).large()),
                    x + 10, y + 36);
            g.drawLine(left, bottom, left + width, bottom);
            g.drawLine(left, bottom, left, bottom - height);
            int slot = width / Math.max(1, steps.size());
            for (int k = 0; k < steps.size(); k++) {
                Targets.Growth s = steps.get(k);
                int bx = left + k * slot + slot / 6;
                int bw = slot / 3;
                int hs = max > 0 ? (int) Math.round(s.p99Small() / max * height) : 0;
                int hl = max > 0 ? (int) Math.round(s.p99Large() / max * height) : 0;
                g.setColor(new Color(150, 180, 225));
                g.fillRect(bx, bottom - hs, bw, hs);
                g.setColor(s.ratio() > Targets.GROWTH_LIMIT ? new Color(200, 60, 60) : new Color(40, 80, 160));
                g.fillRect(bx + bw, bottom - hl, bw, hl);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.0f/%.0f", s.p99Small(), s.p99Large()), bx, bottom - Math.max(hs, hl) - 3);
                g.drawString(s.clients() + " cl.", bx, bottom + 14);
            }
            i++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
