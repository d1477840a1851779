# Validation messages for the border GeoJSON, the pillar CSV and km intervals.
border-invalid-geojson = The border file is not valid GeoJSON and cannot be read. The parser reports: { $message }
border-not-feature-collection = The border file must be a GeoJSON FeatureCollection at the top level, but it is a { $found }. Put the border sections into one FeatureCollection as features.
border-feature-without-id = Feature #{ $index } (in file order, counting from 0) has no string id. The id must be one of CN-MM-XSBN, CN-LA-XSBN or CN-XSBN-INTL.
border-unknown-feature = Feature #{ $index } (in file order, counting from 0) has the unrecognized id "{ $id }". The id must be CN-MM-XSBN (China–Myanmar section), CN-LA-XSBN (China–Laos section) or CN-XSBN-INTL (the merged border line).
border-duplicate-feature = Feature #{ $index } (in file order, counting from 0) repeats the id "{ $id }" of an earlier feature. Each id may appear only once in the file.
border-not-line-string = Feature #{ $index } (in file order, counting from 0; id { $id }) must have a LineString geometry, but its geometry is { $found }.
border-too-few-points = A line needs at least 2 points, but feature { $id } has { $count }.
border-position-too-short = Feature { $id }, vertex { $vertex } (counting from 0): the position is incomplete. Each position needs at least a longitude and a latitude.
border-non-finite-coordinate = Feature { $id }, vertex { $vertex } (counting from 0): a coordinate is not a finite number (it is NaN or infinite).
border-longitude-out-of-range = Feature { $id }, vertex { $vertex } (counting from 0): the longitude { $lon } is outside −180 to 180 degrees. Positions must be WGS84 longitude and latitude in degrees, longitude first.
border-latitude-out-of-range = Feature { $id }, vertex { $vertex } (counting from 0): the latitude { $lat } is outside −90 to 90 degrees. Positions must be WGS84 longitude and latitude in degrees, longitude first.
border-zero-length = Feature { $id } has zero length: all of its vertices are at the same place.
border-missing-section = The border file has no { $id ->
        [CN-MM-XSBN] China–Myanmar section
        [CN-LA-XSBN] China–Laos section
       *[other] section
    } feature (id { $id }). The file must contain both CN-MM-XSBN (China–Myanmar section) and CN-LA-XSBN (China–Laos section) as LineString features.
border-sections-do-not-join = The China–Myanmar section (CN-MM-XSBN) ends { $gap_m } m away from the start of the China–Laos section (CN-LA-XSBN); at most { $tolerance_m } m is allowed. The two sections must meet at the China–Laos–Myanmar tripoint.
border-merged-vertex-count = The merged border line (CN-XSBN-INTL) has { $found } vertices but should have { $expected }: the vertices of the China–Myanmar section followed by those of the China–Laos section, with the shared tripoint counted once.
border-merged-mismatch = Vertex { $vertex } (counting from 0) of the merged border line (CN-XSBN-INTL) is { $offset_m } m away from the matching vertex of the two sections joined end to end; at most { $tolerance_m } m is allowed.
border-invalid-property = Property { $name } of feature { $id } is not a positive number. It must be a number greater than 0; if the value is not known, remove the property or set it to null.
border-pillar-field-count = Line { $line } of the pillar CSV has { $found } field(s), but needs exactly 3, separated by commas: pillar number, longitude, latitude (number,lon,lat).
border-pillar-without-number = Line { $line } of the pillar CSV has an empty pillar number. The first field of each line must be the pillar number.
border-pillar-coordinate = Line { $line } of the pillar CSV: the { $field ->
        [lon] longitude (lon)
        [lat] latitude (lat)
       *[other] { $field } field
    } "{ $value }" is not a valid WGS84 coordinate. It must be in decimal degrees (such as 21.5, not degrees, minutes and seconds), with longitude within −180 to 180 and latitude within −90 to 90.
border-duplicate-pillar = Line { $line } of the pillar CSV repeats the pillar number "{ $number }" from an earlier line. Each pillar number may appear only once.
border-pillar-far-from-line = Line { $line } of the pillar CSV: pillar "{ $number }" lies { $distance_m } m from the border line; at most { $max_distance_m } m is allowed. Check the pillar's coordinates, and that longitude comes before latitude.
border-interval-not-finite = The km interval [{ $start_km }, { $end_km }] has an end that is not a finite number. Both ends must be finite distances, in km along the border line.
border-interval-reversed = The km interval [{ $start_km }, { $end_km }] starts after it ends. The start must not be greater than the end.
