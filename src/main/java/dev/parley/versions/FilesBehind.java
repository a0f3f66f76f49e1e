package dev.parley.versions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.knowledge.KnowledgeFiles;

/**
 * Which of the intent files a reload would publish over a change made since they were taken, when the database is
 * the source: a proposal changes the version in service and not anybody's files, and another instance's reload
 * publishes its own files, so the files of one instance can be behind the version in service.
 *
 * <p>Where the folder names the version it was taken from ({@link FolderBase}), the three are compared file by file:
 * a file the folder left as that version had it, and the version in service has changed (or added, or removed)
 * since, is behind; a file both changed is behind too unless the folder's has every line the other change added
 * and none it removed (the owner took it in), since publishing it would drop that change. A file only the folder
 * changed is its own edit.
 *
 * <p>Without a marker (files copied in by hand, or a folder that cannot be written), the versions published tell
 * instead, where the folder and the version in service differ:
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

    private FilesBehind() {
    }

    /**
     * The files of {@code folder} that are behind version {@code inService}, in name order; empty when none.
     *
     * @param takenFrom the version the folder says it was taken from, if it names one
     */
    static List<StaleFile> of(KnowledgeFiles folder, Optional<String> takenFrom, String inService,
                              VersionStore store) {
        Optional<KnowledgeFiles> base = takenFrom.flatMap(store::files);
        return base.isPresent() ? threeWay(folder, base.get(), takenFrom.get(), store.files(inService).orElseThrow())
                : byWhatWasPublished(folder, inService, store);
    }

    private static List<StaleFile> threeWay(KnowledgeFiles folder, KnowledgeFiles base, String baseVersion,
                                            KnowledgeFiles served) {
        var names = new TreeSet<>(folder.names());
        names.addAll(served.names());
        names.addAll(base.names());
        String since = "since version " + baseVersion.substring(0, 12) + ", which the folder was taken from";
        var stale = new ArrayList<StaleFile>();
        for (String name : names) {
            Optional<String> mine = folder.text(name);
            Optional<String> then = base.text(name);
            Optional<String> now = served.text(name);
            if (mine.equals(now) || then.equals(now)) {
                continue; // the same in both, or changed only by the folder
            }
            String change = now.isEmpty() ? "removed" : then.isEmpty() ? "added" : "changed";
            if (mine.equals(then)) {
                stale.add(new StaleFile(name, "the version in service has " + change + " this file " + since
                        + ", and the folder has not"));
            } else if (mine.isEmpty() || now.isEmpty()) {
                String ours = mine.isEmpty() ? "removed from the folder" : "edited in the folder";
                stale.add(new StaleFile(name, "this file was " + ours + " and " + change + " in the version in "
                        + "service " + since));
            } else {
                missedChange(lines(mine.get()), lines(then.orElse("")), lines(now.get())).ifPresent(missed ->
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

    private static List<StaleFile> byWhatWasPublished(KnowledgeFiles folder, String inService, VersionStore store) {
        Map<String, String> ours = folder.hashes();
        KnowledgeFiles served = store.files(inService).orElseThrow();
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
