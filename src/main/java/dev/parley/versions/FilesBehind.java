package dev.parley.versions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.knowledge.KnowledgeFiles;

/**
 * Which of the intent files a reload would publish over a change made since they were taken, when the database is
 * the source: a proposal changes the version in service and not anybody's files, and another instance's reload
 * publishes its own files, so the files of one instance can be behind the version in service. Nothing records what
 * a folder was copied from; the versions published tell instead, file by file, where the folder and the version in
 * service differ:
 * <ul>
 * <li>a file the version in service has as no publication of files ever had it was changed through the database,
 * by accepted proposals, which append lines (examples) to it: the folder's file is behind unless it holds every
 * line they added to the file as the files last published it, so an owner's edit of the downloaded file is not;</li>
 * <li>any other file exactly as an earlier version had it is behind: publishing it would undo the change made
 * since.</li>
 * </ul>
 * Any other difference is an edit of the folder's own: a file written anew, added or removed. A caller who has seen
 * the version in service and means to publish the files over it says so by naming it as the reload's base.
 */
final class FilesBehind {

    private FilesBehind() {
    }

    /** The files of {@code folder} that are behind version {@code inService}, in name order; empty when none. */
    static List<StaleFile> of(KnowledgeFiles folder, String inService, VersionStore store) {
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
