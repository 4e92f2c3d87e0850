/**
 * What each scene viewpoint frames, so a test can check the camera looks at a real, named thing
 * (issue 15 item 6). Keys are viewpoint ids; values name the subject:
 *   osm:<way/…>        a real OSM landmark building, or the site of that id
 *   model:<structure>  a structure modelled in generator.json (`modelled`, `bridges`)
 *   site:<way/…>       a landmark site's ground polygon
 *   green:<name> / water:<name> / road:<name>  a named park, water body or road
 * A new viewpoint must be added here; `overview` viewpoints frame the whole zone and are exempt.
 */
export const FRAMED_BY_VIEWPOINT: Record<string, Record<string, string>> = {
  jiading: {
    'auto-museum': 'osm:way/206501415',
    'auto-city': 'green:汽车博览公园',
    'caoan-smart-road': 'road:曹安公路',
    'tongji-jiading': 'osm:way/263926504',
    'yuanxiang-lake': 'water:远香湖',
  },
  westbund: {
    'long-museum': 'model:long-museum',
    'yuz-museum': 'osm:way/543033477',
    'west-bund-art-museum': 'osm:way/745277168',
    // The West Bund Art Center hosted the first World AI Conferences; the AI cluster grew round it.
    'ai-cluster': 'osm:way/307455604',
    'longhua-pagoda': 'osm:way/47011877',
  },
  yangpu: {
    'yangpu-bridge': 'model:yangpu-bridge',
    'yangshupu-waterworks': 'site:way/475445627',
    'skills-museum': 'osm:way/1208662450',
    'planning-hall': 'osm:way/481557069',
    'qinhuangdao-wharf': 'model:qinhuangdao-wharf',
  },
};
