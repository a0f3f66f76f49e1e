package dev.parley.versions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.knowledge.KnowledgeFiles;

/**
 * Which of the intent files a reload would publish over a change made since they were taken, when the database is
 * the source: a proposal changes the version in service and not anybody's files, and another instance's reload
 * publishes its own files, so the files of one instance can be behind the version in service.
 *
 * <p>Where the folder's marker names the version it was taken from ({@link FolderBase}) and the database holds that
 * version, folder, that version and the version in service are compared file by file:
 * <ul>
 * <li>a file the folder left as that version had it, and the version in service has changed (or added, or removed)
 * since, is behind;</li>
 * <li>a file both changed is behind unless the folder's has every line the other change added and none it removed
 * (the owner took that change in), since publishing it would drop the other change;</li>
 * </ul>
 * Any other file only the folder changed is its own edit, even one as an earlier version had it: the folder was up
 * to date, so that is an owner undoing their own change, and a file left over from before a download unpacked over
 * a folder not emptied first cannot be told from one added again. The marker is trusted so far because it is
 * written only after the folder's files are published or found in service, and removed when it cannot be written.
 *
 * <p>Without a version to compare with (files copied in by hand, a folder that cannot be written, a marker naming a
 * version this database lacks), the versions published tell instead, where the folder and the version in service
 * differ:
 * <ul>
 * <li>a file the version in service has as no publication of files ever had it was changed through the database,
 * by accepted proposals, which append lines (examples) to it: the folder's file is behind unless it holds every
 * line they added to the file as the files last published it, so an owner's edit of the downloaded file is not;</li>
 * <li>any other file exactly as an earlier version had it is behind: publishing it would undo the change made
 * since.</li>
 * </ul>
 * Any other difference is an edit of the folder's own, which that reading cannot tell from a file another instance
 * added. A caller who has seen the version in service and means to publish the files over it says so by naming it
 * as the reload's base.
 */
final class FilesBehind {

    private static final Logger log = LoggerFactory.getLogger(FilesBehind.class);

    private FilesBehind() {
    }

    /**
     * How the files of a folder stand against the version in service.
     *
     * @param stale     the files behind it, in name order; empty when none
     * @param takenFrom the version they were compared with as the one the folder was taken from, if one was known
     */
    record Judgement(List<StaleFile> stale, Optional<String> takenFrom) {
    }

    /**
     * How the files of {@code folder} stand against version {@code inService}.
     *
     * @param marker the version the folder's marker names, if it has one
     */
    static Judgement of(KnowledgeFiles folder, Optional<String> marker, String inService, VersionStore store) {
        KnowledgeFiles served = store.files(inService).orElseThrow();
        Optional<KnowledgeFiles> base = marker.flatMap(store::files);
        if (base.isEmpty()) {
            marker.ifPresent(unknown -> log.warn("The intents folder's marker names knowledge version {}, which this "
                    + "database does not hold; its files are judged by the versions published instead", unknown));
            return new Judgement(byWhatWasPublished(folder, served, store), Optional.empty());
        }
        return new Judgement(threeWay(folder, base.get(), served), marker);
    }

    private static List<StaleFile> threeWay(KnowledgeFiles folder, KnowledgeFiles base, KnowledgeFiles served) {
        Map<String, String> ours = folder.hashes();
        Map<String, String> was = base.hashes();
        Map<String, String> theirs = served.hashes();
        var names = new TreeSet<>(ours.keySet());
        names.addAll(theirs.keySet());
        names.addAll(was.keySet());
        String since = "since version " + base.version().substring(0, 12) + ", which the folder was taken from";
        var stale = new ArrayList<StaleFile>();
        for (String name : names) {
            // compared by their bytes' hashes: text decoded from bytes that are not UTF-8 could match by accident
            String mine = ours.get(name);
            String then = was.get(name);
            String now = theirs.get(name);
            if (Objects.equals(mine, now) || Objects.equals(then, now)) {
                continue; // the same in both, or changed only by the folder
            }
            String change = now == null ? "removed" : then == null ? "added" : "changed";
            if (Objects.equals(mine, then)) {
                stale.add(new StaleFile(name, "the version in service has " + change + " this file " + since
                        + ", and the folder has not"));
            } else if (mine == null || now == null) {
                String folderChange = mine == null ? "removed from the folder" : "edited in the folder";
                stale.add(new StaleFile(name, "this file was " + folderChange + " and " + change + " in the version "
                        + "in service " + since));
            } else {
                missedChange(lines(folder.text(name).orElseThrow()), lines(base.text(name).orElse("")),
                        lines(served.text(name).orElseThrow())).ifPresent(missed ->
                        stale.add(new StaleFile(name, "this file was edited both in the folder and in the version in "
                                + "service " + since + ": " + missed)));
            }
        }
        return List.copyOf(stale);
    }

    /**
     * What the folder's edit of a file lacks of the change the version in service made to it, line by line (a
     * proposal adds lines; an edit replaces some): nothing when the folder's file has every line added and none
     * removed, so an owner who took the other change in as well publishes both.
     */
    private static Optional<String> missedChange(Set<String> mine, Set<String> then, Set<String> now) {
        var added = new LinkedHashSet<>(now);
        added.removeAll(then);
        added.removeAll(mine);
        if (!added.isEmpty()) {
            return Optional.of("it lacks " + added.size() + " line(s) the version in service added, e.g. '"
                    + added.iterator().next() + "'");
        }
        var removed = new LinkedHashSet<>(then);
        removed.removeAll(now);
        removed.retainAll(mine);
        return removed.stream().findFirst().map(line -> "it still has " + removed.size()
                + " line(s) the version in service removed, e.g. '" + line + "'");
    }

    private static List<StaleFile> byWhatWasPublished(KnowledgeFiles folder, KnowledgeFiles served,
                                                      VersionStore store) {
        Map<String, String> ours = folder.hashes();
        Map<String, String> theirs = served.hashes();
        var names = new TreeSet<>(ours.keySet());
        names.addAll(theirs.keySet());
        var stale = new ArrayList<StaleFile>();
        for (String name : names) {
            String mine = ours.get(name);
            String inServiceHash = theirs.get(name);
            if (Objects.equals(mine, inServiceHash)) {
                continue;
            }
            if (inServiceHash != null && !store.publishedFromFiles(name, inServiceHash)) {
                Set<String> proposed = lines(served.text(name).orElseThrow());
                store.lastPublishedFromFiles(name).map(FilesBehind::lines).ifPresent(proposed::removeAll);
                if (mine == null) {
                    stale.add(new StaleFile(name, "the version in service has this file, with lines an accepted "
                            + "proposal added, and the folder has not"));
                    continue;
                }
                proposed.removeAll(lines(folder.text(name).orElseThrow()));
                if (!proposed.isEmpty()) {
                    stale.add(new StaleFile(name, "this file lacks " + proposed.size() + " line(s) that an accepted "
                            + "proposal added in the version in service, e.g. '" + proposed.iterator().next() + "'"));
                }
            } else if (mine != null && store.everHeld(name, mine)) {
                stale.add(new StaleFile(name, "this file is as an earlier version had it; the version in service has "
                        + (inServiceHash == null ? "removed it" : "changed it") + " since"));
            }
        }
        return List.copyOf(stale);
    }

    // A proposal appends whole lines; compared trimmed, so that re-indenting the list keeps them.
    private static Set<String> lines(String text) {
        var lines = new LinkedHashSet<String>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
        return lines;
    }
}
