/* Previews of the back office (Decap CMS, /admin/) in the site's own look.
 *
 * Decap gives `CMS`, `h` (React's createElement) and `createClass` as globals. The
 * markup follows templates/defi.html and templates/page.html, so the site's
 * stylesheets (named in this script's data-styles by templates/admin.html) apply as
 * on the built pages. Loaded after Decap, before it starts (scripts run in order).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var styles = (script.getAttribute("data-styles") || "").split(" ");
  styles.forEach(function (url) {
    if (url) {
      CMS.registerPreviewStyle(url);
    }
  });

  function text(entry, key) {
    var value = entry.getIn(["data", key]);
    return value === undefined || value === null ? "" : String(value);
  }

  function list(entry, key) {
    var value = entry.getIn(["data", key]);
    if (!value) {
      return [];
    }
    var items = value.toJS ? value.toJS() : value;
    return Array.isArray(items) ? items.filter(Boolean).map(String) : String(items).split(",");
  }

  function page(children) {
    return h("main", { id: "contenu" }, h("div", { className: "fr-container fr-pb-6w" }, children));
  }

  function fact(term, value) {
    return value ? [h("dt", { key: term + "-t" }, term), h("dd", { key: term + "-d" }, value)] : [];
  }

  var ChallengePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var title = text(entry, "title");
      var resume = text(entry, "resume");
      var profiles = list(entry, "profils");
      var skills = list(entry, "competences");
      return page(
        h(
          "article",
          { className: "eig-prose eig-challenge" },
          h("h1", null, title),
          resume && resume !== title ? h("p", { className: "fr-text--lead" }, resume) : null,
          h(
            "dl",
            { className: "eig-facts" },
            fact("Administration", text(entry, "administration")),
            fact("Direction", text(entry, "direction")),
            // As the built page: no place is CHALLENGE_INDEX["unknown_place"] (challenge_index).
            fact("Lieu", text(entry, "lieu") || "lieu à préciser")
          ),
          profiles.length ? h("h2", null, "Les profils recherchés") : null,
          profiles.length
            ? h("ul", null, profiles.map(function (item, index) {
                return h("li", { key: index }, item);
              }))
            : null,
          skills.length ? h("h2", null, "Les compétences") : null,
          skills.length
            ? h("ul", { className: "fr-tags-group" }, skills.map(function (item, index) {
                return h("li", { key: index }, h("p", { className: "fr-tag" }, item));
              }))
            : null,
          this.props.widgetFor("body")
        )
      );
    },
  });

  var PagePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      return page(
        h(
          "article",
          { className: "eig-prose" },
          h("h1", null, text(entry, "title")),
          this.props.widgetFor("body")
        )
      );
    },
  });

  // "collection:kind" pairs from DECAP_CMS["collections"], kinds of the content schema.
  var previews = { defi: ChallengePreview, page: PagePreview };
  (script.getAttribute("data-collections") || "").split(" ").forEach(function (pair) {
    var parts = pair.split(":");
    if (previews[parts[1]]) {
      CMS.registerPreviewTemplate(parts[0], previews[parts[1]]);
    }
  });
})();
