// The border map. Everything it draws comes from the app's own GeoJSON endpoints, which scope
// each layer to the signed-in user's jurisdiction; every label comes from the page's Fluent
// messages (the JSON in #map-config). No base tiles unless the operator configured a tile URL.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('map-config').textContent);
  var t = config.labels;
  var element = document.getElementById('map');
  var status = document.getElementById('map-status');
  var countySelect = document.getElementById('county');

  // Colours of the change classes of a border bin (incidents this year against last).
  var CHANGE_COLOURS = {
    down: '#1a9850',
    same: '#8c8c8c',
    up: '#d73027',
    'new': '#7f0000',
    none: '#c8c8c8'
  };
  // The density layer's sequential ramp, light to dark (ColorBrewer YlOrBr, five classes):
  // distinct from the red and green of the change classes.
  var DENSITY_COLOURS = ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'];
  var CHANGE_LABELS = {
    down: t.changeDown,
    same: t.changeSame,
    up: t.changeUp,
    'new': t.changeNew,
    none: t.changeNone
  };

  var map = L.map(element, { zoomSnap: 0.5, minZoom: 5, maxZoom: 18 });
  map.setView([21.75, 100.85], 8);
  map.attributionControl.setPrefix(false);

  var overlays = {};
  var layerControl = L.control.layers(null, null, { collapsed: window.innerWidth < 600 }).addTo(map);
  var extentsByCounty = {};
  // The extent of the user's own records (villages and posts), and of the whole line.
  var allBounds = L.latLngBounds([]);
  var borderBounds = L.latLngBounds([]);
  var focusable = {};
  var messages = [];

  if (config.tile_url) {
    var tiles = L.tileLayer(config.tile_url, { attribution: config.tile_attribution, maxZoom: 18 });
    tiles.addTo(map);
    layerControl.addBaseLayer(tiles, t.tiles);
  }

  // Country names beside the line, so that the map reads without base tiles.
  (config.countries || []).forEach(function (label) {
    L.marker([label.lat, label.lon], {
      icon: L.divIcon({ className: 'country-label', html: '<span></span>', iconSize: null }),
      interactive: false,
      keyboard: false
    }).addTo(map).getElement().firstChild.textContent = label.text;
  });

  function say(text) {
    messages.push(text);
    status.textContent = messages.join(' ');
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function localName(properties) {
    if (config.lang.indexOf('zh') === 0) {
      return properties.name_zh;
    }
    return properties.name_en || properties.name_zh;
  }

  // A popup built from DOM nodes (record names are data, never parsed as HTML).
  function popup(title, rows, href) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    var heading = document.createElement('strong');
    heading.textContent = title;
    box.appendChild(heading);
    var list = document.createElement('dl');
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === '') {
        return;
      }
      var term = document.createElement('dt');
      term.textContent = row[0];
      var value = document.createElement('dd');
      value.textContent = row[1];
      list.appendChild(term);
      list.appendChild(value);
    });
    box.appendChild(list);
    if (href) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = t.open;
      box.appendChild(link);
    }
    return box;
  }

  function km(value) {
    return typeof value === 'number' ? value.toFixed(1) : null;
  }

  function metres(value) {
    return typeof value === 'number' ? Math.round(value).toLocaleString(config.lang) : null;
  }

  // Fetches JSON with the session cookie; resolves to null when the role may not read it.
  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          return null;
        }
        if (!response.ok) {
          throw new Error(url + ': ' + response.status);
        }
        return response.json();
      });
  }

  function failed(name) {
    return function (error) {
      say(format(t.loadFailed, { layer: name }));
      if (window.console) {
        window.console.error(error);
      }
    };
  }

  function extend(countyCode, latLng) {
    allBounds.extend(latLng);
    if (countyCode) {
      extentsByCounty[countyCode] = extentsByCounty[countyCode] || L.latLngBounds([]);
      extentsByCounty[countyCode].extend(latLng);
    }
  }

  // Overlays join the layer switcher in a fixed order once everything has arrived, whatever
  // order the responses came in.
  var OVERLAY_ORDER = ['border', 'sectors', 'patrols', 'posts', 'villages', 'flaggedVisits', 'incidents', 'density'];
  var overlayEntries = {};

  function addOverlay(layer, name, visible, key) {
    overlays[name] = layer;
    overlayEntries[key] = { layer: layer, name: name };
    if (visible) {
      layer.addTo(map);
    }
  }

  // --- the border, coloured by the change of incidents per bin --------------------------
  var years = null;

  function drawBins(collection) {
    if (collection === null) {
      return drawPlainBorder();
    }
    years = { base: collection.base_year, compare: collection.compare_year };
    var layer = L.geoJSON(collection, {
      style: function (feature) {
        var change = feature.properties.change;
        return {
          color: CHANGE_COLOURS[change] || CHANGE_COLOURS.none,
          weight: change === 'none' ? 3 : 5,
          opacity: 0.9,
          className: 'border-bin border-bin-' + change
        };
      },
      onEachFeature: function (feature, path) {
        var p = feature.properties;
        var change = p.change_pct === null || p.change_pct === undefined
          ? CHANGE_LABELS[p.change]
          : (p.change_pct > 0 ? '+' : '') + p.change_pct.toFixed(1) + ' %';
        path.bindPopup(popup(
          km(p.start_km) + '–' + km(p.end_km) + ' km (' + p.section + ')',
          [
            [format(t.incidentsYears, { year: collection.base_year }), p.base_incidents],
            [format(t.incidentsYears, { year: collection.compare_year }), p.compare_incidents],
            [t.change, change]
          ],
          null
        ));
      }
    });
    addOverlay(layer, t.border, true, 'border');
    borderBounds.extend(layer.getBounds());
    addLegend();
  }

  function drawPlainBorder() {
    return load('/api/v1/border').then(function (collection) {
      if (collection === null) {
        return;
      }
      var layer = L.geoJSON(collection, { style: { color: '#444', weight: 3, className: 'border-line' } });
      addOverlay(layer, t.border, true, 'border');
      borderBounds.extend(layer.getBounds());
    });
  }

  // The legend: inside the map on wide screens, below it on phones (where it would hide
  // half of the map).
  var legendBox = null;

  function addLegend() {
    var box = document.createElement('div');
    legendBox = box;
    box.className = 'map-legend';
    var title = document.createElement('strong');
    title.textContent = t.legend + (years ? ' ' + years.base + '→' + years.compare : '');
    box.appendChild(title);
    ['up', 'new', 'same', 'down', 'none'].forEach(function (change) {
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch swatch-' + change;
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(CHANGE_LABELS[change]));
      box.appendChild(row);
    });
    [['village', t.village], ['key-village', t.keyVillage], ['post', t.post], ['sector', t.sectors]].forEach(
      function (entry) {
        var row = document.createElement('div');
        var symbol = document.createElement('span');
        symbol.className = 'symbol symbol-' + entry[0];
        row.appendChild(symbol);
        row.appendChild(document.createTextNode(entry[1]));
        box.appendChild(row);
      }
    );
    if (window.innerWidth < 600) {
      box.classList.add('map-legend-below');
      element.parentNode.insertBefore(box, element.nextSibling);
      return;
    }
    var legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
  }

  // --- villages ---------------------------------------------------------------------------
  function drawVillages(collection) {
    if (collection === null) {
      return;
    }
    var count = 0;
    var layer = L.geoJSON(collection, {
      pointToLayer: function (feature, latLng) {
        var key = feature.properties.is_key;
        return L.circleMarker(latLng, {
          radius: key ? 7 : 4,
          color: key ? '#6a1b9a' : '#1f4e79',
          weight: key ? 3 : 1,
          fillColor: key ? '#ce93d8' : '#9ecae1',
          fillOpacity: 0.9,
          className: key ? 'village-marker key-village' : 'village-marker'
        });
      },
      onEachFeature: function (feature, marker) {
        var p = feature.properties;
        count += 1;
        extend(p.county && p.county.code, marker.getLatLng());
        focusable['village:' + feature.id] = marker;
        marker.bindPopup(popup(
          localName(p),
          [
            [p.is_key ? t.keyVillage : t.village, p.county ? localName(p.county) : null],
            [t.households, p.households],
            [t.borderKm, km(p.border_km)],
            [t.distanceM, metres(p.distance_m)]
          ],
          '/villages/' + feature.id
        ));
      }
    });
    addOverlay(layer, t.villages, true, 'villages');
    element.setAttribute('data-village-count', String(count));
    if (collection.numberMatched > count) {
      say(format(t.partial, { layer: t.villages, shown: count, matched: collection.numberMatched }));
    }
    fillCounties(collection);
  }

  function fillCounties(collection) {
    var names = {};
    collection.features.forEach(function (feature) {
      var county = feature.properties.county;
      if (county) {
        names[county.code] = localName(county);
      }
    });
    var codes = Object.keys(names).sort();
    var all = document.createElement('option');
    all.value = '';
    all.textContent = t.allCounties;
    countySelect.appendChild(all);
    codes.forEach(function (code) {
      var option = document.createElement('option');
      option.value = code;
      option.textContent = names[code];
      countySelect.appendChild(option);
    });
    countySelect.disabled = codes.length === 0;
    countySelect.addEventListener('change', function () {
      var bounds = countySelect.value ? extentsByCounty[countySelect.value] : allBounds;
      if (bounds && bounds.isValid()) {
        map.fitBounds(bounds, { padding: [20, 20] });
      }
    });
  }

  // --- posts and their sectors ----------------------------------------------------------------
  function drawPosts(collection) {
    if (collection === null) {
      return;
    }
    var layer = L.geoJSON(collection, {
      pointToLayer: function (feature, latLng) {
        return L.marker(latLng, {
          icon: L.divIcon({ className: 'post-marker', iconSize: [12, 12] }),
          keyboard: true,
          title: localName(feature.properties)
        });
      },
      onEachFeature: function (feature, marker) {
        var p = feature.properties;
        extend(p.county && p.county.code, marker.getLatLng());
        focusable['post:' + feature.id] = marker;
        marker.bindPopup(popup(
          localName(p),
          [
            [t.post, p.county ? localName(p.county) : null],
            [t.sector, km(p.sector_start_km) + '–' + km(p.sector_end_km) + ' km'],
            [t.borderKm, km(p.border_km)],
            [t.distanceM, metres(p.distance_m)]
          ],
          '/posts/' + feature.id
        ));
      }
    });
    addOverlay(layer, t.posts, true, 'posts');
  }

  function drawSectors(collection) {
    if (collection === null) {
      return;
    }
    var index = 0;
    var layer = L.geoJSON(collection, {
      style: function () {
        index += 1;
        // Alternate two tones so that neighbouring sectors stay distinguishable.
        return { color: index % 2 ? '#2b5fad' : '#e08214', weight: 12, opacity: 0.35, className: 'post-sector' };
      },
      onEachFeature: function (feature, path) {
        var p = feature.properties;
        path.bindPopup(popup(
          localName(p),
          [[t.sector, km(p.sector_start_km) + '–' + km(p.sector_end_km) + ' km']],
          '/posts/' + p.post_id
        ));
      }
    });
    addOverlay(layer, t.sectors, false, 'sectors');
  }

  // --- incidents, clustered ---------------------------------------------------------------
  function drawIncidents(collection) {
    if (collection === null) {
      say(t.noAccess);
      return;
    }
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, chunkedLoading: true });
    var markers = [];
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      var latLng = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
      var marker = L.marker(latLng, { icon: L.divIcon({ className: 'incident-marker', iconSize: [10, 10] }) });
      focusable['incident:' + feature.id] = marker;
      marker.bindPopup(popup(
        config.categories[p.category] || p.category,
        [
          [t.incident, p.occurred_at ? p.occurred_at.slice(0, 10) : null],
          [t.persons, p.persons_apprehended],
          [t.borderKm, km(p.border_km)],
          [t.distanceM, metres(p.distance_m)]
        ],
        '/incidents/' + feature.id
      ));
      markers.push(marker);
    });
    cluster.addLayers(markers);
    addOverlay(cluster, years && years.compare ? t.incidents + ' ' + years.compare : t.incidents, true, 'incidents');
    element.setAttribute('data-incident-count', String(markers.length));
    if (collection.numberMatched > markers.length) {
      say(format(t.partial, { layer: t.incidents, shown: markers.length, matched: collection.numberMatched }));
    }
  }

  // --- incident density: the compared year's incidents per grid cell -----------------------
  // Classes on a logarithmic scale from 1 to the busiest cell (counts are skewed: many cells
  // with one or two incidents, a few with dozens, which are the ones to see): class c of n
  // ends at max^(c/n), rounded; at most one class per colour, each (previous upper, upper].
  function densityClasses(counts) {
    var max = Math.max.apply(null, counts);
    var uppers = [];
    for (var c = 1; c <= DENSITY_COLOURS.length; c += 1) {
      var upper = c === DENSITY_COLOURS.length ? max : Math.round(Math.pow(max, c / DENSITY_COLOURS.length));
      if (upper >= 1 && (uppers.length === 0 || upper > uppers[uppers.length - 1])) {
        uppers.push(upper);
      }
    }
    return uppers;
  }

  // The colour of class `index` of `classes`, spread over the whole ramp.
  function densityColour(index, classes) {
    var last = DENSITY_COLOURS.length - 1;
    return DENSITY_COLOURS[classes > 1 ? Math.round(index * last / (classes - 1)) : last];
  }

  function drawDensity(collection) {
    if (collection === null || !collection.features.length) {
      return;
    }
    var uppers = densityClasses(collection.features.map(function (feature) { return feature.properties.count; }));
    var classOf = function (count) {
      var index = 0;
      while (index < uppers.length - 1 && count > uppers[index]) {
        index += 1;
      }
      return index;
    };
    var cellKm = collection.cell_km;
    // Below the border, its sectors and the markers, whatever order layers are switched on.
    var pane = map.createPane('density');
    pane.style.zIndex = 350;
    var layer = L.geoJSON(collection, {
      pane: 'density',
      style: function (feature) {
        return {
          color: '#7f3b08',
          weight: 0.5,
          opacity: 0.6,
          fillColor: densityColour(classOf(feature.properties.count), uppers.length),
          fillOpacity: 0.65,
          className: 'density-cell'
        };
      },
      onEachFeature: function (feature, path) {
        var p = feature.properties;
        path.bindPopup(popup(
          format(t.cell, { km: cellKm }),
          [
            [format(t.incidentsYears, { year: years.compare }), p.count],
            [t.persons, p.persons]
          ],
          null
        ));
      }
    });
    addOverlay(layer, t.density + ' ' + years.compare, false, 'density');
    element.setAttribute('data-density-cells', String(collection.features.length));
    addDensityLegend(uppers, cellKm, layer);
  }

  // The density classes join the legend, shown while the layer is on.
  function addDensityLegend(uppers, cellKm, layer) {
    if (!legendBox) {
      return;
    }
    var section = document.createElement('div');
    section.className = 'map-legend-density';
    var title = document.createElement('div');
    title.className = 'map-legend-density-title';
    title.textContent = format(t.densityLegend, { km: cellKm, year: years.compare });
    section.appendChild(title);
    uppers.forEach(function (upper, index) {
      var lower = index === 0 ? 1 : uppers[index - 1] + 1;
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch swatch-density';
      swatch.style.background = densityColour(index, uppers.length);
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(lower === upper ? String(upper) : lower + '–' + upper));
      section.appendChild(row);
    });
    section.hidden = !map.hasLayer(layer);
    legendBox.appendChild(section);
    map.on('overlayadd overlayremove', function (event) {
      if (event.layer === layer) {
        section.hidden = event.type === 'overlayremove';
      }
    });
  }

  // --- patrol coverage: the stretches patrolled in the last 30 days and the gaps ------------
  // Wide translucent bands under the border line (their own pane below the overlays), so that
  // the line's change colours stay readable on top.
  var PATROL_COLOURS = { patrolled: '#2166ac', unpatrolled: '#e7298a' };

  function drawPatrols(collection) {
    if (collection === null) {
      return;
    }
    var pane = map.createPane('patrols');
    pane.style.zIndex = 390;
    var layer = L.geoJSON(collection, {
      pane: 'patrols',
      style: function (feature) {
        var status = feature.properties.status;
        return {
          color: PATROL_COLOURS[status] || '#888',
          weight: 14,
          opacity: 0.45,
          lineCap: 'butt',
          dashArray: status === 'unpatrolled' ? '10 6' : null,
          className: 'patrol-' + status
        };
      },
      onEachFeature: function (feature, path) {
        var p = feature.properties;
        path.bindPopup(popup(
          p.status === 'patrolled' ? t.patrolled : t.unpatrolled,
          [[t.borderKm, km(p.start_km) + '–' + km(p.end_km)]],
          null
        ));
      }
    });
    addOverlay(layer, t.patrols, false, 'patrols');
    element.setAttribute('data-patrol-stretches', String(collection.features.length));
    addPatrolLegend(layer);
  }

  // The two patrol classes join the legend, shown while the layer is on.
  function addPatrolLegend(layer) {
    if (!legendBox) {
      return;
    }
    var section = document.createElement('div');
    section.className = 'map-legend-patrols';
    var title = document.createElement('div');
    title.className = 'map-legend-patrols-title';
    title.textContent = t.patrols;
    section.appendChild(title);
    ['patrolled', 'unpatrolled'].forEach(function (status) {
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch swatch-' + status;
      swatch.style.background = PATROL_COLOURS[status];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(t[status]));
      section.appendChild(row);
    });
    section.hidden = !map.hasLayer(layer);
    legendBox.appendChild(section);
    map.on('overlayadd overlayremove', function (event) {
      if (event.layer === layer) {
        section.hidden = event.type === 'overlayremove';
      }
    });
  }

  // --- liaison visits flagged for supervisors: far from their target or imprecisely placed ---
  // Off until switched on; the API scopes them like every visit list (roles that may not read
  // linkages get no layer).
  function flagText(flag) {
    return flag === 'far_from_target' ? t.flagFar : flag === 'low_accuracy' ? t.flagAccuracy : flag;
  }

  function drawFlaggedVisits(collection) {
    if (collection === null) {
      return;
    }
    var layer = L.layerGroup();
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      var latLng = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
      var marker = L.marker(latLng, {
        icon: L.divIcon({ className: 'visit-flagged-marker', iconSize: [14, 14] }),
        keyboard: true
      });
      focusable['visit:' + feature.id] = marker;
      marker.bindPopup(popup(
        t.flaggedVisit,
        [
          [t.visitedAt, p.visited_at ? p.visited_at.slice(0, 10) : null],
          [t.officer, p.officer_name],
          [t.flags, p.flags.map(flagText).join(', ')],
          [t.distanceToTarget, metres(p.distance_to_target_m)],
          [t.accuracy, metres(p.accuracy_m)]
        ],
        '/linkages/' + p.linkage_id
      ));
      layer.addLayer(marker);
    });
    addOverlay(layer, years && years.compare ? t.flaggedVisits + ' ' + years.compare : t.flaggedVisits, false, 'flaggedVisits');
    element.setAttribute('data-flagged-visits', String(collection.features.length));
    if (collection.numberMatched > collection.features.length) {
      say(format(t.partial, { layer: t.flaggedVisits, shown: collection.features.length, matched: collection.numberMatched }));
    }
  }

  // --- when everything has arrived ---------------------------------------------------------
  function finish() {
    OVERLAY_ORDER.forEach(function (key) {
      if (overlayEntries[key]) {
        layerControl.addOverlay(overlayEntries[key].layer, overlayEntries[key].name);
      }
    });
    var target = config.focus && focusable[config.focus];
    if (target) {
      var latLng = target.getLatLng();
      map.setView(latLng, 13);
      var parent = overlays[t.incidents];
      if (parent && parent.zoomToShowLayer && config.focus.indexOf('incident:') === 0) {
        parent.zoomToShowLayer(target, function () { target.openPopup(); });
      } else {
        target.openPopup();
      }
    } else if (allBounds.isValid()) {
      if (config.focus) {
        say(t.focusMissing);
      }
      map.fitBounds(allBounds, { padding: [10, 10] });
    } else if (borderBounds.isValid()) {
      map.fitBounds(borderBounds, { padding: [10, 10] });
    }
    element.setAttribute('data-state', 'ready');
  }

  var bins = load('/api/v1/border/bins?bin_km=' + config.bin_km).then(drawBins).catch(failed(t.border));
  var incidents = bins.then(function () {
    var query = years && years.compare ? '&year=' + years.compare : '';
    return load('/api/v1/incidents?limit=10000' + query).then(drawIncidents);
  }).catch(failed(t.incidents));
  // Only with the years of the comparison, which only a role that reads incidents gets.
  var density = bins.then(function () {
    if (!years || !years.compare) {
      return null;
    }
    return load('/api/v1/incidents/grid?cell_km=' + config.cell_km + '&year=' + years.compare).then(drawDensity);
  }).catch(failed(t.density));
  // After the border, so that the legend exists.
  var patrols = bins.then(function () {
    return load('/api/v1/patrols/coverage.geojson').then(drawPatrols);
  }).catch(failed(t.patrols));
  // The compared year's, like the incidents, when the role has the comparison; else all.
  var flaggedVisits = bins.then(function () {
    var span = years && years.compare ? '&from=' + years.compare + '-01-01&to=' + years.compare + '-12-31' : '';
    return load('/api/v1/visits?flagged=true&limit=' + config.max_limit + span).then(drawFlaggedVisits);
  }).catch(failed(t.flaggedVisits));
  Promise.all([
    bins,
    incidents,
    density,
    patrols,
    flaggedVisits,
    load('/api/v1/villages?limit=10000').then(drawVillages).catch(failed(t.villages)),
    load('/api/v1/posts?limit=10000').then(drawPosts).catch(failed(t.posts)),
    load('/api/v1/posts/sectors').then(drawSectors).catch(failed(t.sectors))
  ]).then(finish);
}());
