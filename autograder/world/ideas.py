"""Program ideas proposed to Wrenfield's programming team, FY2024-FY2025."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (WORLD_END, WORLD_START, date_text, make_ids, random_dates, round_cents,
                                     tidy_sessions, weighted_choice)
from autograder.world.pilots import BASELINE_YEAR, PILOTS, SLOTS, harbor_sessions, time_slot
from autograder.world.programs import PARTNER_TYPES

# ==== program_ideas ===================================================================================
IDEA_COUNT = 150  # contract: ~150
# Fresh ideas nobody has run yet: (title, category, audience, estimated cost $, staff hours,
# needs registration, novelty 1-5 as the team sees it, description). Costs and hours are planning
# guesses (assumptions), in line with the performer fees of $200-$400 a show (FACTS.md, Financial).
FRESH_IDEAS = [
    ("Dad & Me Saturday Storytime", "storytime", "preschool", 60, 20, False, 2,
     "A Saturday morning storytime led by dads and grandpas, with songs and a simple craft. Several fathers "
     "asked for a time that fits a weekday work schedule."),
    ("Storytime in Sign Language", "storytime", "preschool", 450, 24, True, 4,
     "Stories, songs and rhymes with an ASL interpreter, teaching a few signs each week. Open to deaf and "
     "hearing families alike."),
    ("Drive-In Storytime", "storytime", "preschool", 300, 30, False, 4,
     "Families park in the library lot, tune to a low-power FM station and watch the stories on an outdoor screen."),
    ("Grandparents & Grandkids Storytime", "storytime", "babies & toddlers", 40, 16, False, 2,
     "An after-nap storytime for grandparents who care for little ones, with coffee and conversation afterwards."),
    ("Storytime at the Bus Depot", "storytime", "preschool", 80, 20, False, 4,
     "Short pop-up stories at the transit center during the morning rush, with free books to take on the bus."),
    ("Yoga Storytime", "storytime", "preschool", 120, 18, True, 3,
     "Picture books paired with simple stretches and animal poses for wiggly preschoolers."),
    ("Mandarin-English Storytime", "storytime", "preschool", 200, 28, True, 3,
     "A bilingual storytime with a volunteer from the weekend Chinese school. Families asked for it at the "
     "Lunar New Year celebration."),
    ("Storytime for Expecting Parents", "storytime", "babies & toddlers", 150, 20, True, 4,
     "A short series on reading, singing and talking with newborns, co-led with a hospital childbirth educator."),
    ("Baby Sign & Song", "storytime", "babies & toddlers", 100, 18, True, 3,
     "Simple baby signs woven into bounces and songs for babies under 18 months."),
    ("Silent Book Club", "books & authors", "adults", 20, 6, False, 2,
     "Bring any book and read quietly together for an hour, then chat if you like. No assigned reading."),
    ("Romance Readers' Happy Hour", "books & authors", "adults", 150, 12, True, 3,
     "A monthly romance book club at a local cafe, with mocktails and recommendations swapped."),
    ("Cookbook Club", "books & authors", "adults", 60, 10, True, 3,
     "Everyone cooks a dish from the same cookbook and brings it to share; we talk about what worked."),
    ("Little Free Library Build & Stock Day", "books & authors", "all ages", 900, 30, True, 4,
     "Volunteers build three little free libraries for parks in Oak Ridge and Fernvale, and families stock "
     "them with donated books."),
    ("Teen Book Awards Jury", "books & authors", "teens", 250, 30, True, 4,
     "Teens read new young adult titles through the year and vote for a Wrenfield Teen Choice Award."),
    ("Banned Books Trivia Night", "books & authors", "adults", 120, 14, False, 3,
     "A pub-style trivia night on challenged books during Banned Books Week, held at a local brewery."),
    ("Read Across Wrenfield", "books & authors", "adults", 4500, 120, False, 4,
     "One book for the whole county: copies at every branch, discussions all winter and an author visit in spring."),
    ("Audiobook Listening Club", "books & authors", "older adults", 40, 10, False, 3,
     "A book club for people who prefer to listen, with audio and large-print copies provided."),
    ("Book Bike at the Farmers Market", "books & authors", "all ages", 2200, 40, False, 5,
     "A cargo bike that carries books, library card sign-ups and a Wi-Fi hotspot to markets and parks all summer."),
    ("Local Authors Fair", "books & authors", "adults", 300, 35, False, 2,
     "Wrenfield writers sell and sign their books, with short readings through the afternoon."),
    ("Girls Who Code Club", "STEAM", "children", 200, 40, True, 3,
     "A weekly coding club for girls in grades 3-5 using a free coding curriculum."),
    ("Drone Flying Basics", "STEAM", "teens", 1800, 24, True, 4,
     "Teens learn to fly small indoor drones and program simple flight paths."),
    ("Backyard Bird Count", "STEAM", "all ages", 150, 12, False, 3,
     "Families learn to identify local birds and join a community bird count, with binoculars to borrow."),
    ("Makerspace Open Hours", "STEAM", "teens", 3500, 100, False, 3,
     "Drop-in time with a 3D printer, vinyl cutter and sewing machine, with a staff member on hand."),
    ("Family Science Night", "STEAM", "all ages", 400, 30, False, 2,
     "Hands-on science stations run by high school students, from circuits to chromatography."),
    ("Solar Eclipse Viewing Party", "STEAM", "all ages", 350, 16, False, 4,
     "Safe eclipse glasses and a solar-filtered telescope on the lawn, with the astronomy club."),
    ("Telescope Lending Kickoff", "STEAM", "all ages", 1200, 20, False, 4,
     "Launch a telescope lending collection with an evening of stargazing and a how-to demonstration."),
    ("Engineering with Cardboard", "STEAM", "children", 80, 10, True, 2,
     "Kids design marble runs and arcade games from recycled boxes."),
    ("Electric Car Show & Tell", "STEAM", "adults", 50, 12, False, 3,
     "Local owners show their electric cars in the parking lot and answer questions about charging and range."),
    ("Teen Video Game Design", "STEAM", "teens", 250, 30, True, 3,
     "A four-week workshop building simple games in a free game engine, ending with a play day."),
    ("Ham Radio Demonstration", "STEAM", "adults", 0, 8, False, 4,
     "The county amateur radio club sets up a station and lets visitors talk to operators around the world."),
    ("Repair Cafe", "DIY & crafts", "adults", 250, 28, False, 3,
     "Volunteer fixers mend lamps, toasters, clothes and bikes for free, and show owners how to do it."),
    ("Sock Puppet Theater", "DIY & crafts", "children", 60, 8, True, 2,
     "Kids make sock puppets and put on a short show for their families."),
    ("Cricut Crafting Night", "DIY & crafts", "adults", 300, 12, True, 3,
     "Learn the library's new cutting machine by making a vinyl decal or a greeting card."),
    ("Embroidery Drop-In", "DIY & crafts", "adults", 120, 10, False, 2,
     "Hoops, floss and simple patterns for beginners; bring your own project or start one here."),
    ("Wreath Making Workshop", "DIY & crafts", "adults", 500, 12, True, 2,
     "Make a seasonal wreath with greenery from a Fernvale farm; all supplies provided."),
    ("Zine Workshop", "DIY & crafts", "teens", 60, 12, False, 4,
     "Teens write, draw and photocopy their own mini-magazines, and the best join a zine collection."),
    ("Tie-Dye on the Lawn", "DIY & crafts", "children", 220, 10, True, 2,
     "Bring a white shirt and dye it outside during summer reading."),
    ("Pressed Flower Bookmarks", "DIY & crafts", "all ages", 70, 6, False, 2,
     "Make bookmarks from flowers grown in the library garden."),
    ("Sewing Machine Basics", "DIY & crafts", "adults", 150, 16, True, 3,
     "A two-part class on threading, straight seams and a simple pillowcase."),
    ("Cosplay Workshop", "DIY & crafts", "teens", 200, 14, True, 4,
     "Foam armor and prop making for teens getting ready for the regional comic convention."),
    ("Free Tax Help (VITA) Sessions", "classes & workshops", "adults", 0, 20, True, 2,
     "IRS-certified volunteers prepare returns for low- and moderate-income households, by appointment."),
    ("Driver's Permit Practice Tests", "classes & workshops", "teens", 40, 6, False, 3,
     "Study sessions and practice tests for the state learner's permit exam."),
    ("College Financial Aid Night", "classes & workshops", "teens", 50, 8, False, 2,
     "A college financial aid officer walks families through the FAFSA, line by line."),
    ("Home Energy Savings Workshop", "classes & workshops", "adults", 100, 8, False, 3,
     "The utility's energy advisor explains rebates, and the library starts lending home energy audit kits."),
    ("Resume Review Speed Sessions", "classes & workshops", "adults", 0, 12, True, 3,
     "Fifteen-minute resume reviews with HR volunteers from local employers."),
    ("Apiary Field Trip", "classes & workshops", "adults", 150, 12, True, 4,
     "A visit to a working apiary in Fernvale with the county beekeepers' association."),
    ("Emergency Preparedness Kits", "classes & workshops", "adults", 600, 10, True, 3,
     "Learn what goes in a go-bag and take one home, with the county emergency management office."),
    ("Kitchen Knife Care", "classes & workshops", "adults", 80, 6, True, 3,
     "A local chef shows how to sharpen and look after kitchen knives."),
    ("Mushroom Foraging Safety", "classes & workshops", "adults", 150, 6, True, 4,
     "How to identify common local mushrooms, and which ones never to eat, with a walk in the park."),
    ("Retirement Planning 101", "classes & workshops", "older adults", 0, 6, False, 2,
     "A no-sales talk on Social Security timing, pensions and budgeting in retirement."),
    ("Community Mural Project", "arts & culture", "all ages", 3800, 80, False, 4,
     "Residents design and paint a mural on the Eastgate branch wall with a local artist."),
    ("Poetry on the Sidewalk", "arts & culture", "all ages", 60, 6, False, 4,
     "Chalk poems on the library plaza during National Poetry Month."),
    ("Film Series: Stories of Immigration", "arts & culture", "adults", 400, 20, False, 3,
     "A monthly documentary screening with a discussion led by a community partner."),
    ("Teen Photography Exhibit", "arts & culture", "teens", 250, 24, False, 3,
     "Teens photograph their neighbourhoods and the library hangs the show for a month."),
    ("Storytelling Slam", "arts & culture", "adults", 200, 16, False, 4,
     "True stories, five minutes each, on a theme; the audience votes for a winner."),
    ("Community Choir", "arts & culture", "adults", 800, 40, False, 3,
     "A weekly drop-in choir that performs at the winter open house."),
    ("Diwali Celebration", "arts & culture", "all ages", 600, 20, False, 3,
     "Rangoli, music and dance with the Indian cultural association."),
    ("Paint & Sip (Mocktails)", "arts & culture", "adults", 350, 8, True, 2,
     "A guided canvas painting evening with mocktails and snacks."),
    ("Oral History Recording Day", "arts & culture", "older adults", 500, 40, True, 4,
     "Residents record their memories of Wrenfield for the local history collection."),
    ("Ballet Folklorico Performance", "arts & culture", "all ages", 700, 6, False, 3,
     "A youth folk dance troupe performs, then teaches the audience a short dance."),
    ("Murder Mystery Night in the Library", "activities & games", "adults", 600, 30, True, 4,
     "An after-hours role-playing mystery with a simple dinner, as a Friends of the Library fundraiser."),
    ("Library Scavenger Hunt", "activities & games", "children", 30, 8, False, 2,
     "Clues hidden around the building teach kids where everything is."),
    ("Adult Recess", "activities & games", "adults", 100, 8, False, 4,
     "Four square, jump rope and lawn games for grown-ups on a summer evening."),
    ("Giant Games on the Lawn", "activities & games", "all ages", 450, 10, False, 2,
     "Giant Jenga, Connect Four and cornhole for families on summer Saturdays."),
    ("Mahjong Meetup", "activities & games", "older adults", 120, 6, False, 2,
     "A weekly mahjong table with sets provided; beginners taught."),
    ("Teen Lock-In", "activities & games", "teens", 700, 30, True, 4,
     "An after-hours night of games, pizza and a movie for teens, with parent permission slips."),
    ("Crossword Tournament", "activities & games", "adults", 80, 10, True, 3,
     "Timed crossword rounds with puzzles written by a local constructor."),
    ("Chess in the Park", "activities & games", "all ages", 150, 10, False, 3,
     "Outdoor chess boards and volunteer coaches at Millbrook Park on Saturday mornings."),
    ("Retro Video Game Night", "activities & games", "adults", 200, 8, False, 3,
     "Classic consoles and arcade games for grown-ups who grew up with them."),
    ("Board Game Lending Launch", "activities & games", "all ages", 900, 24, False, 3,
     "Start lending board games, with a family games evening to introduce the collection."),
    ("Touch-a-Truck", "special events", "children", 200, 30, False, 3,
     "A fire truck, a street sweeper, a tractor and the bookmobile in the parking lot for kids to explore."),
    ("Library After Dark Open House", "special events", "adults", 500, 30, False, 3,
     "An evening open house with live music, food trucks and behind-the-scenes tours."),
    ("Summer Reading Bike Parade", "special events", "all ages", 300, 20, False, 3,
     "Kids decorate their bikes and ride from Central Library to the park to start summer reading."),
    ("Fernvale Harvest Festival Booth", "special events", "all ages", 150, 16, False, 2,
     "A library tent at the Fernvale harvest festival with crafts, card sign-ups and a storytime."),
    ("Puppet Festival Weekend", "special events", "preschool", 1600, 24, False, 3,
     "Three puppet companies over one weekend, with a puppet-making table between shows."),
    ("Juneteenth Celebration", "special events", "all ages", 900, 30, False, 3,
     "Music, storytelling and food with the county's Juneteenth committee."),
    ("Read to a Therapy Dog", "special events", "children", 0, 8, True, 3,
     "Children practise reading aloud to certified therapy dogs and their handlers."),
    ("Noon Concert Series", "special events", "adults", 1200, 16, False, 3,
     "Monthly lunchtime concerts by local musicians in the atrium."),
    ("Wrenfield Comic Con Jr.", "special events", "teens", 2500, 80, False, 4,
     "A one-day mini comic convention with artists, a cosplay contest and panels run by teens."),
    ("Walking Book Club", "health & wellness", "adults", 20, 8, False, 4,
     "Walk the river trail while talking about the book of the month."),
    ("Blood Pressure Check Station", "health & wellness", "older adults", 0, 4, False, 2,
     "Nursing students check blood pressure once a month and explain the numbers."),
    ("Narcan Training", "health & wellness", "adults", 0, 6, True, 3,
     "The health department teaches how to recognize an overdose and use naloxone; free kits to take home."),
    ("Grief Support Circle", "health & wellness", "adults", 0, 12, True, 3,
     "A hospice counselor leads a monthly support group for people who have lost someone."),
    ("Cooking for Diabetes Demo", "health & wellness", "adults", 250, 10, True, 3,
     "A dietitian cooks low-sugar meals in the teaching kitchen and hands out the recipes."),
    ("Library Garden Plots", "health & wellness", "all ages", 1500, 40, True, 4,
     "Raised-bed garden plots behind the Oak Ridge branch for families without a yard."),
    ("Kids' Yoga", "health & wellness", "children", 200, 10, True, 2,
     "Playful yoga for ages 5-10 with a certified kids' yoga teacher."),
    ("Caregiver Coffee Hour", "health & wellness", "adults", 60, 8, False, 3,
     "A monthly break for family caregivers, with a social worker on hand for questions."),
    ("Sensory-Friendly Library Hour", "health & wellness", "all ages", 150, 12, False, 4,
     "A quiet hour once a month with lights dimmed, no announcements and fidgets available."),
    ("Free Flu Shot Clinic", "health & wellness", "adults", 0, 8, False, 2,
     "Pharmacy students give flu shots in the community room in October."),
    ("Tech Help Drop-In", "digital literacy", "older adults", 0, 40, False, 1,
     "One-to-one help with phones, tablets and laptops every Tuesday morning."),
    ("Password Managers Made Simple", "digital literacy", "adults", 0, 6, True, 3,
     "Why reused passwords are risky, and how to set up a free password manager."),
    ("Telehealth: Seeing Your Doctor Online", "digital literacy", "older adults", 0, 6, True, 3,
     "Practise joining a video appointment and using a patient portal, with help from the hospital."),
    ("Online Safety for Parents", "digital literacy", "adults", 0, 6, False, 3,
     "Parental controls, screen time and the apps kids use, in plain language."),
    ("Teen Tech Mentors", "digital literacy", "older adults", 150, 30, True, 4,
     "Teens earn service hours by teaching older adults to use their phones, one to one."),
    ("Hotspot Lending Orientation", "digital literacy", "adults", 0, 6, False, 2,
     "How to borrow and use the library's Wi-Fi hotspots, for households without home internet."),
    ("Digital Photo Organizing", "digital literacy", "older adults", 0, 6, True, 2,
     "Get thousands of phone photos into folders and backed up."),
    ("Intro to Video Editing", "digital literacy", "teens", 100, 12, True, 3,
     "Edit a short video with free software, from clips to titles to music."),
    ("Computer Basics in Spanish", "digital literacy", "adults", 0, 24, True, 4,
     "A computer basics class taught in Spanish, requested by the Eastgate conversation group."),
    ("Online Banking Basics", "digital literacy", "older adults", 0, 6, True, 2,
     "A credit union volunteer shows how to bank online safely."),
    ("Voter Registration Drive", "civic engagement", "adults", 30, 8, False, 2,
     "Nonpartisan volunteers register voters at every branch in September."),
    ("Meet Your County Commissioner", "civic engagement", "adults", 40, 6, False, 2,
     "An informal coffee hour with the district commissioner: no speeches, just questions."),
    ("Youth Civic Leadership Council", "civic engagement", "teens", 300, 40, False, 4,
     "Teens advise the library board and plan one service project a year."),
    ("Welcome to Wrenfield Newcomer Night", "civic engagement", "adults", 200, 14, False, 3,
     "New residents meet city services, the schools and the library in one evening."),
    ("Climate Conversations", "civic engagement", "adults", 80, 10, False, 3,
     "A facilitated discussion series on local climate effects, with the county sustainability office."),
    ("Know Your Rights: Immigration", "civic engagement", "adults", 0, 6, False, 3,
     "An attorney from the immigrant legal aid clinic explains rights and answers questions privately afterwards."),
    ("Public Comment 101", "civic engagement", "adults", 0, 6, False, 3,
     "How to speak at a council meeting: the rules, the time limits and how to be heard."),
    ("Neighborhood Cleanup Day", "civic engagement", "all ages", 150, 12, False, 2,
     "Staff and volunteers pick up litter around the Harbor Point branch and the waterfront."),
    ("Jury Duty Explained", "civic engagement", "adults", 0, 4, False, 3,
     "A court clerk explains what happens after a jury summons arrives."),
    ("English Conversation for Parents", "English conversation", "adults", 40, 20, False, 3,
     "Practise everyday English for school meetings and doctor visits, with storytime for the children next door."),
    ("Workplace English", "English conversation", "adults", 0, 24, True, 3,
     "Conversation practice for job interviews and the workplace, with volunteers from local businesses."),
    ("Citizenship Interview Practice", "English conversation", "adults", 0, 16, True, 3,
     "Mock naturalization interviews with volunteer coaches."),
    ("English Through Cooking", "English conversation", "adults", 300, 16, True, 4,
     "Cook a simple recipe together in the teaching kitchen while practising English."),
    ("Beginner English Pronunciation", "English conversation", "adults", 0, 12, True, 2,
     "Short lessons on the sounds of English for beginners."),
    ("English Book Club for Learners", "English conversation", "adults", 150, 12, False, 3,
     "Read graded readers together and talk about them in simple English."),
    ("Conversation Walks", "English conversation", "adults", 0, 8, False, 4,
     "Practise English while walking in Millbrook Park on spring mornings."),
    ("Weekend English Cafe at Fernvale", "English conversation", "adults", 30, 12, False, 3,
     "A Saturday conversation group at Fernvale for farmworkers who cannot come on weekdays."),
]
# Ideas that became programs in program_sessions (matched by title): cost $, staff hours, novelty, description.
# An idea is used only if its program first ran at least MIN_LEAD_DAYS after the world begins.
TRIED_IDEAS = {
    "Teaching Kitchen: Knife Skills": (400, 20, 4, "Use the new teaching kitchen for hands-on cooking classes, "
                                       "starting with knife skills taught by a local chef."),
    "Teaching Kitchen: Healthy Meals on a Budget": (600, 24, 3, "A three-part class on cheap, healthy weeknight "
                                                    "meals in the teaching kitchen, with groceries provided."),
    "Teaching Kitchen: Kids Cook!": (300, 16, 3, "Summer cooking classes where kids make a snack or lunch and "
                                     "take the recipe home."),
    "Human Library: Don't Judge a Book by Its Cover": (250, 40, 5, "Patrons 'borrow' a person for a 20-minute "
                                                       "conversation about their life, to challenge stereotypes."),
    "AI Chatbots: What They Can and Can't Do": (0, 10, 4, "A plain-language talk on AI chatbots: how they work, "
                                                "where they go wrong and how to check what they say."),
    "Seed Library Swap": (200, 16, 3, "Start a seed library with a spring swap: bring saved seeds, take new "
                          "ones home."),
    "Pop-Up Storytime at the Laundromat": (60, 12, 5, "Stories and free books at the laundromat while families wait "
                                           "for their wash, to reach families who don't visit the library."),
    "Puzzle Swap & Race": (40, 6, 3, "Bring a jigsaw puzzle, take a different one home, and try a timed team race."),
    "Blind Date with a Book Social": (60, 8, 2, "Books wrapped in brown paper with a few clues on the cover, and a "
                                      "Valentine's social to unwrap them."),
    "Mindfulness for Teens": (0, 8, 3, "Short mindfulness and stress-management sessions for teens before exams, "
                              "led by a school counselor."),
    "Clay Creatures": (250, 8, 2, "Kids sculpt animals from air-dry clay with a local potter."),
    "Stargazing Night": (50, 10, 3, "An evening with the astronomy club's telescopes on the library lawn."),
    "Community Conversation: Housing in Wrenfield": (100, 20, 4, "A facilitated public conversation on housing "
                                                     "costs, where residents share experiences and ideas."),
    "Kitchen Chemistry": (120, 8, 2, "Summer science with kitchen ingredients: volcanoes, invisible ink and "
                          "butter in a jar."),
    "Sea Shanty Sing-Along": (400, 6, 4, "A sea shanty singalong with a local folk group."),
    "Escape Room: Mystery in the Stacks": (150, 24, 4, "A library-themed escape room for teens, built from puzzles "
                                           "hidden in books."),
    "Bike Repair Basics": (100, 8, 3, "Learn to fix a flat, adjust brakes and oil a chain with the community "
                           "bike shop."),
    "Beekeeping for Beginners": (50, 6, 3, "An introduction to backyard beekeeping with a local beekeeper."),
    "Beginning Ukulele": (400, 16, 3, "A four-week ukulele class using new lending ukuleles."),
    "Intro to 3D Printing": (300, 12, 3, "Learn to design and print a small object on the library's 3D printer."),
    "Mental Health First Aid": (1200, 16, 3, "An eight-hour certified course on helping someone in a mental "
                                "health crisis."),
    "Civics 101: How County Government Works": (0, 8, 2, "A short talk on what the county does, who decides and "
                                                "how to take part."),
    "Jazz in the Stacks": (600, 8, 3, "An evening jazz concert among the bookshelves."),
    "Snap Circuits Lab": (350, 8, 2, "Kids build working circuits with snap-together kits."),
    "Small Business Startup Basics": (0, 6, 2, "Small business advisers explain business plans, licenses and funding."),
    "Intro to Canva": (0, 6, 2, "Make flyers and social media posts with free design software."),
    "Memoir Writing Workshop": (500, 12, 3, "A four-week workshop for older adults writing their life stories."),
    "Calligraphy for Beginners": (200, 6, 2, "Learn basic hand lettering with brush pens."),
    "Folk Dance Evening": (300, 6, 3, "Simple folk dances from around the world; no partner needed."),
    "Museum Talk: Art of the Harbor": (0, 4, 2, "The county museum's curator talks about paintings of the harbor."),
    "Pokemon Card Trading Meetup": (20, 6, 2, "A safe space for kids to trade Pokemon cards, with volunteers to help."),
    "Button Making Drop-In": (150, 6, 2, "Make buttons from old magazines and drawings with a button maker."),
    "Upcycled Tote Bags": (80, 6, 2, "Teens turn old T-shirts into no-sew tote bags."),
    "Bridge Building Challenge": (60, 6, 2, "Kids build bridges from craft sticks and test how much weight they hold."),
    "Diabetes Prevention Basics": (0, 6, 2, "A health educator explains prediabetes and small changes that lower "
                                   "the risk."),
    "Understanding Your Credit Score": (0, 4, 2, "A credit union counselor explains credit scores and how to read "
                                        "a credit report."),
    "Candle Making Workshop": (350, 8, 2, "Make two soy candles to take home; all supplies provided."),
    "Estate Planning Basics": (0, 4, 2, "An attorney explains wills, powers of attorney and probate in plain "
                               "language."),
    "Rocket Launch in the Park": (200, 12, 3, "Kids build and launch air-powered rockets in the park."),
    "Tales from the Lanternfish": (450, 6, 3, "A storytelling troupe performs folk tales for families."),
    "Heart Health Talk": (0, 4, 2, "A cardiologist explains heart disease risks and warning signs for Heart Month."),
    "Genealogy: Getting Started": (0, 6, 2, "An introduction to tracing your family tree with the library's "
                                   "databases."),
    "Intro to Spreadsheets": (0, 18, 2, "A three-part spreadsheet class for job seekers and small business owners."),
    "Avoiding Online Scams": (0, 6, 2, "How to spot phishing emails, fake texts and gift-card scams."),
}
MIN_LEAD_DAYS = 45                # an idea reaches the calendar 45-150 days after it is submitted (assumption)
MAX_LEAD_DAYS = 150
ADOPTED_MIN_PROGRAMS = 5          # a tried idea that ran as 5+ programs became a regular offering
SUBMITTER_WEIGHTS = {"staff": 0.55, "patron": 0.30, "partner": 0.15}  # assumption
PARTNER_SUBMITS_TRIED = 0.6       # share of co-hosted tried ideas that came from the partner (assumption)
STAFF_NAMES_PARTNER = 0.15        # staff ideas that name a partner to approach (assumption)
DECISION_CUTOFF = pd.Timestamp("2025-01-01")  # fresh ideas from 2025 may still be waiting for a decision
RECENT_STATUS = {"proposed": 0.6, "adopted": 0.2, "declined": 0.2}    # adopted ones start in FY2026
OLDER_STATUS = {"declined": 0.8, "proposed": 0.2}                     # a backlog never decided
FIT_BY_STATUS = {"adopted": 4.3, "piloted": 3.9, "proposed": 3.3, "declined": 2.4}  # team ratings (assumption)
FIT_SPREAD = 0.7
NOVELTY_SPREAD = 0.6
COST_SPREAD = 0.25                # lognormal spread of each estimate around the catalogue figure
DECLINED_COST_MARKUP = 1.3        # declined ideas were pitched bigger (assumption)

# The time slot a proposer had in mind, by audience (assumption). Ideas drawn at random never land in one of
# Harbor Point's empty FY2025 cells: the ideas that fill those cells are set by hand (PLANTED), so module 03's
# scoring question has a known answer.
SLOT_WEIGHTS = {
    "babies & toddlers": {"Saturday": 0.25, "weekday morning": 0.6, "weekday afternoon": 0.05, "weekday evening": 0.1},
    "preschool": {"Saturday": 0.25, "weekday morning": 0.6, "weekday afternoon": 0.05, "weekday evening": 0.1},
    "children": {"Saturday": 0.35, "weekday morning": 0.05, "weekday afternoon": 0.5, "weekday evening": 0.1},
    "teens": {"Saturday": 0.25, "weekday morning": 0.0, "weekday afternoon": 0.55, "weekday evening": 0.2},
    "adults": {"Saturday": 0.2, "weekday morning": 0.1, "weekday afternoon": 0.15, "weekday evening": 0.55},
    "older adults": {"Saturday": 0.05, "weekday morning": 0.45, "weekday afternoon": 0.4, "weekday evening": 0.1},
    "all ages": {"Saturday": 0.6, "weekday morning": 0.05, "weekday afternoon": 0.2, "weekday evening": 0.15},
}
# A pitch that names its time keeps it (first match wins), unless that would fill a Harbor Point gap.
SLOT_WORDS = (("saturday", "Saturday"), ("weekend", "Saturday"), ("after-hours", "weekday evening"),
              ("night", "weekday evening"), ("evening", "weekday evening"), ("after school", "weekday afternoon"),
              ("lunchtime", "weekday afternoon"), ("morning", "weekday morning"))
# Why a declined idea was turned down (assumption): some reasons are about the idea, some about the moment.
DECLINE_REASONS = {"over budget this year": 0.25, "no staff time this season": 0.2,
                   "room not available that season": 0.15, "too similar to an existing program": 0.2,
                   "low fit with this year's goals": 0.2}
PILOT_SUBMITTED = ("2024-10-01", "2024-12-20")  # Harbor Point's spring pilots were proposed in the autumn
PILOT_SUBMITTERS = {"Dad & Me Saturday Storytime": "patron", "Repair Cafe": "partner",
                    "Teen Video Game Design": "partner", "Walking Book Club": "staff", "Baby Sign & Song": "patron",
                    "Mahjong Meetup": "partner", "Family Science Night": "partner",
                    "Engineering with Cardboard": "staff"}
# Ideas that would fill one of Harbor Point's empty FY2025 cells, set by hand (title -> what is fixed).
# With weights fit x 2 + novelty and a $600 cap, they give module 03 a declined idea in the top three, a tie
# broken by cost, an idea at exactly $600 and a high scorer over budget.
PLANTED = {
    "Audiobook Listening Club": dict(time_slot="weekday evening", status="declined", submitted_on="2023-10-17",
                                     estimated_cost=40.0, fit_with_goals=5, novelty=3,
                                     decision_note="room not available that season"),
    "Embroidery Drop-In": dict(time_slot="weekday morning", status="declined", submitted_on="2023-12-01",
                               estimated_cost=120.0, fit_with_goals=2, novelty=2,
                               decision_note="too similar to an existing program"),
    "Sock Puppet Theater": dict(time_slot="weekday evening", status="proposed", submitted_on="2024-08-20",
                                estimated_cost=60.0, fit_with_goals=4, novelty=4),
    "Silent Book Club": dict(time_slot="weekday morning", status="declined", submitted_on="2024-09-09",
                             estimated_cost=20.0, fit_with_goals=4, novelty=4,
                             decision_note="no staff time this season"),
    "Retirement Planning 101": dict(time_slot="weekday evening", status="proposed", submitted_on="2024-11-05",
                                    estimated_cost=0.0, fit_with_goals=3, novelty=2),
    "Telescope Lending Kickoff": dict(time_slot="weekday evening", status="proposed", submitted_on="2025-02-03",
                                      estimated_cost=1200.0, fit_with_goals=5, novelty=5),
    "Storytime for Expecting Parents": dict(time_slot="weekday evening", status="proposed",
                                            submitted_on="2025-03-04", estimated_cost=150.0, fit_with_goals=5,
                                            novelty=4),
    "Board Game Lending Launch": dict(time_slot="weekday evening", status="proposed", submitted_on="2025-04-22",
                                      estimated_cost=600.0, fit_with_goals=4, novelty=3),
    "Grandparents & Grandkids Storytime": dict(time_slot="weekday afternoon",
                                               status="proposed", submitted_on="2025-05-15", estimated_cost=40.0,
                                               fit_with_goals=4, novelty=2),
}
IDEA_COLUMNS = ["idea_id", "submitted_on", "submitted_by", "title", "description", "category", "audience",
                "time_slot", "estimated_cost", "staff_hours", "partner_id", "needs_registration", "status",
                "decision_note", "novelty", "fit_with_goals"]
FRESH_COLUMNS = ["title", "category", "audience", "base_cost", "base_hours", "needs_registration", "novelty_base",
                 "description"]


# ---- program_ideas ---------------------------------------------------------------------------------

def harbor_gaps(world: dict[str, pd.DataFrame]) -> set[tuple[str, str]]:
    """(audience, time slot) cells with no FY2025 session on Harbor Point's calendar."""
    harbor = harbor_sessions(world)
    harbor = harbor[harbor.fiscal_year == BASELINE_YEAR]
    offered = set(zip(harbor.audience, time_slot(harbor.date, harbor.start_time)))
    return {(audience, slot) for audience in SLOT_WEIGHTS for slot in SLOTS if (audience, slot) not in offered}


def tried_ideas(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Ideas that reached the calendar: titles from TRIED_IDEAS whose program first ran late enough to have
    been proposed inside the two years; submitted 45-150 days before that first session."""
    sessions = tidy_sessions(world["program_sessions"])
    sessions = sessions[sessions.program_title.isin(list(TRIED_IDEAS))]
    first = sessions.sort_values(["date", "session_id"]).groupby("program_title").first()
    first = first[first.date >= WORLD_START + pd.Timedelta(days=MIN_LEAD_DAYS)].sort_values("date")
    room = (first.date - WORLD_START).dt.days.to_numpy()
    lead = rng.integers(MIN_LEAD_DAYS, np.minimum(MAX_LEAD_DAYS, room) + 1)
    ideas = pd.DataFrame({"title": first.index, "category": first.category.to_numpy(),
                          "audience": first.audience.to_numpy(),
                          "time_slot": time_slot(first.date, first.start_time),
                          "submitted_on": pd.DatetimeIndex(first.date) - pd.to_timedelta(lead, unit="D"),
                          "needs_registration": first.registration_required.to_numpy(dtype=bool),
                          "program_partner": first.partner_id.to_numpy(dtype=object)})
    later = sessions.merge(ideas[["title", "submitted_on"]], left_on="program_title", right_on="title")
    programs = later[later.date > later.submitted_on].groupby("title").program_id.nunique()
    ideas["status"] = np.where(ideas.title.map(programs).fillna(0) >= ADOPTED_MIN_PROGRAMS, "adopted", "piloted")
    ideas["base_cost"], ideas["base_hours"], ideas["novelty_base"], ideas["description"] = zip(
        *[TRIED_IDEAS[t] for t in ideas.title])
    return ideas


def catalogue(titles) -> pd.DataFrame:
    """Rows of FRESH_IDEAS by title, in catalogue order."""
    wanted = set(titles)
    return pd.DataFrame([idea for idea in FRESH_IDEAS if idea[0] in wanted], columns=FRESH_COLUMNS)


def pilot_ideas(rng: np.random.Generator) -> pd.DataFrame:
    """The ideas behind Harbor Point's spring 2025 pilots (pilot_sessions), proposed in the autumn of 2024."""
    plans = {p["idea"]: p for p in PILOTS}
    ideas = catalogue(plans)
    ideas["submitted_on"] = random_dates(rng, *PILOT_SUBMITTED, len(ideas))
    ideas["time_slot"] = [time_slot([plans[t]["dates"][0]], [plans[t]["start"]])[0] for t in ideas.title]
    ideas["status"] = "piloted"
    ideas["program_partner"] = [plans[t]["partner"] for t in ideas.title]
    ideas["planned_submitter"] = ideas.title.map(PILOT_SUBMITTERS)
    return ideas


def planted_ideas() -> pd.DataFrame:
    """The hand-set ideas that fill Harbor Point's empty cells (PLANTED)."""
    ideas = catalogue(PLANTED)
    for field in ["time_slot", "status", "submitted_on"]:
        ideas[field] = [PLANTED[t][field] for t in ideas.title]
    ideas["submitted_on"] = pd.to_datetime(ideas.submitted_on)
    ideas["program_partner"] = None
    return ideas


def fresh_ideas(rng: np.random.Generator, count: int, gaps: set, taken: set) -> pd.DataFrame:
    """Ideas not (yet) run: a sample of the rest of FRESH_IDEAS with dates, a slot outside Harbor Point's gaps,
    and a status fitting the date."""
    pool = [idea for idea in FRESH_IDEAS if idea[0] not in taken]
    picks = np.sort(rng.choice(len(pool), size=min(count, len(pool)), replace=False))
    ideas = pd.DataFrame([pool[i] for i in picks], columns=FRESH_COLUMNS)
    ideas["submitted_on"] = random_dates(rng, WORLD_START, WORLD_END, len(ideas))
    slots = []
    for audience, text in zip(ideas.audience, ideas.title + " " + ideas.description):
        weights = {slot: w for slot, w in SLOT_WEIGHTS[audience].items() if (audience, slot) not in gaps and w > 0}
        drawn = weighted_choice(rng, weights)
        said = next((slot for word, slot in SLOT_WORDS if word in text.lower()), None)
        slots.append(said if said in weights else drawn)
    ideas["time_slot"] = slots
    recent = ideas.submitted_on >= DECISION_CUTOFF
    ideas["status"] = np.where(recent, weighted_choice(rng, RECENT_STATUS, len(ideas)),
                               weighted_choice(rng, OLDER_STATUS, len(ideas)))
    ideas["program_partner"] = None
    return ideas


def choose_submitters(rng: np.random.Generator, ideas: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Who put each idea forward, and the partner named on it (the co-host for tried ideas)."""
    submitted_by = weighted_choice(rng, SUBMITTER_WEIGHTS, len(ideas))
    co_hosted = ideas.program_partner.notna().to_numpy()
    from_partner = co_hosted & (rng.random(len(ideas)) < PARTNER_SUBMITS_TRIED)
    submitted_by = np.where(from_partner, "partner", np.where(co_hosted & (submitted_by == "partner"), "staff",
                                                              submitted_by))
    planned = ideas.planned_submitter.to_numpy(dtype=object)
    submitted_by = np.where(pd.notna(planned), planned, submitted_by)
    partner_id = np.where(co_hosted, ideas.program_partner.to_numpy(dtype=object), None).astype(object)
    wants = ~co_hosted & ((submitted_by == "partner") | ((submitted_by == "staff")
                                                         & (rng.random(len(ideas)) < STAFF_NAMES_PARTNER)))
    for row in np.flatnonzero(wants):
        partner_id[row] = pick_partner(rng, partners, ideas.category.iat[row], ideas.submitted_on.iat[row].year)
    ideas["submitted_by"] = submitted_by
    ideas["partner_id"] = partner_id
    return ideas


def pick_partner(rng: np.random.Generator, partners: pd.DataFrame, category: str, year: int) -> str:
    """A partner of a type that suits the category and was already working with the library that year."""
    suitable = partners[partners.partner_type.isin(PARTNER_TYPES[category]) & (partners.partner_since <= year)]
    if suitable.empty:
        suitable = partners[partners.partner_type.isin(PARTNER_TYPES[category])]
    return str(suitable.partner_id.iat[rng.integers(len(suitable))])


def rate_ideas(rng: np.random.Generator, ideas: pd.DataFrame) -> pd.DataFrame:
    """Cost and staff-hour estimates around the catalogue figures, and the team's novelty and fit ratings."""
    n = len(ideas)
    markup = np.where(ideas.status.eq("declined"), DECLINED_COST_MARKUP, 1.0)
    cost = ideas.base_cost.to_numpy(dtype=float) * markup * rng.lognormal(0, COST_SPREAD, n)
    ideas["estimated_cost"] = round_cents(np.round(cost / 5) * 5)
    hours = ideas.base_hours.to_numpy(dtype=float) * rng.lognormal(0, COST_SPREAD, n)
    ideas["staff_hours"] = np.maximum(np.round(hours * 2) / 2, 1.0)
    novelty = ideas.novelty_base.to_numpy(dtype=float) + rng.normal(0, NOVELTY_SPREAD, n)
    ideas["novelty"] = np.clip(np.round(novelty), 1, 5).astype(int)
    fit = ideas.status.map(FIT_BY_STATUS).to_numpy(dtype=float) + rng.normal(0, FIT_SPREAD, n)
    ideas["fit_with_goals"] = np.clip(np.round(fit), 1, 5).astype(int)
    declined = ideas.status.eq("declined").to_numpy()
    notes = weighted_choice(rng, DECLINE_REASONS, n)
    ideas["decision_note"] = np.where(declined, notes, None).astype(object)
    return ideas


def apply_planted(ideas: pd.DataFrame) -> pd.DataFrame:
    """Set the hand-chosen figures of the PLANTED ideas over the drawn ones."""
    for title, fixed in PLANTED.items():
        row = ideas.index[ideas.title == title]
        for field in ["estimated_cost", "fit_with_goals", "novelty", "decision_note"]:
            if field in fixed:
                ideas.loc[row, field] = fixed[field]
    return ideas


def make_program_ideas(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """program_ideas: tried ideas traced to program_sessions, Harbor Point's pilots, the hand-set ideas that fill
    its gaps, and fresh ones, numbered by submission date."""
    tried = tried_ideas(rng, world)
    pilots, planted = pilot_ideas(rng), planted_ideas()
    taken = set(pilots.title) | set(planted.title)
    fresh = fresh_ideas(rng, IDEA_COUNT - len(tried) - len(pilots) - len(planted), harbor_gaps(world), taken)
    ideas = pd.concat([tried, pilots, planted, fresh], ignore_index=True)
    ideas = ideas.sort_values(["submitted_on", "title"], ignore_index=True)
    ideas = apply_planted(rate_ideas(rng, choose_submitters(rng, ideas, world["partners"])))
    ideas["idea_id"] = make_ids("I", len(ideas), 3)
    ideas["submitted_on"] = date_text(ideas.submitted_on)
    ideas["needs_registration"] = ideas.needs_registration.astype(bool)
    ideas["fit_with_goals"] = ideas.fit_with_goals.astype(int)
    ideas["novelty"] = ideas.novelty.astype(int)
    return ideas[IDEA_COLUMNS]


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """program_ideas."""
    return {"program_ideas": make_program_ideas(rng, world)}
