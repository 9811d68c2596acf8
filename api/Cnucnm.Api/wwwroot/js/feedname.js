// How a feed is named on screen: one name when the Korean and English names are the same ("볏짚", not "볏짚 (볏짚)").

/** The name to store for a library feed: the Korean name first when the feed has its own Korean name, else the one name. */
export function libraryFeedName(feed) {
  const korean = feed.nameKorean?.trim();
  const name = feed.name?.trim() ?? "";
  return korean && korean !== name ? `${korean} (${name})` : name || korean || feed.id;
}

/** A stored farm feed name, with a doubled name ("볏짚 (볏짚)", stored by earlier versions) shown once. */
export function feedLabel(name) {
  const doubled = /^(.+?)\s*\(\s*\1\s*\)$/u.exec(name ?? "");
  return doubled ? doubled[1] : name;
}

/** Which library a library feed id comes from: "nasem" (NASEM 2021), "korean" (Korean feed tables) or "library" (a library
 * feed given by its name, looked up in NASEM first, then the Korean tables); null for the farm's own analysis. */
export function librarySource(libraryFeedId) {
  if (!libraryFeedId) return null;
  if (libraryFeedId.startsWith("kr:")) return "korean";
  if (libraryFeedId.startsWith("nasem:")) return "nasem";
  return "library";
}
