package dev.greenlight.api;

/**
 * One change-freeze window as the workflow carries it. Either dated ({@code start} and {@code end}
 * are ISO local date-times, {@code 2026-12-24T18:00}) or weekly ({@code FRI 18:00} to {@code MON
 * 08:00}, every week), always in an explicit time zone.
 *
 * @param name what the window is called on cards and in the audit
 * @param zone an IANA time zone ({@code Europe/Berlin}, {@code UTC})
 */
public record FreezeWindow(String name, String zone, String start, String end) {}
